//! The command line: subcommands, their arguments and options.

use chat_error_codes::Table;
use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(
    name = "chat-error-codes",
    version,
    about = "Explain, list and search the chat vendors' error codes (every table of the catalog) and parse their error payloads"
)]
pub(crate) struct Cli {
    /// Print JSON instead of text (always complete).
    #[arg(long, global = true)]
    pub(crate) json: bool,
    /// Print everything the catalog has about each entry: every message and section, the
    /// description, every source with its version, platform names and the catalog's notes.
    #[arg(long, short, global = true)]
    pub(crate) verbose: bool,
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Subcommand)]
pub(crate) enum Command {
    /// Explain codes: every table that defines each one (exit status 1 if one is unknown).
    Explain {
        /// Codes as the vendor sends them: `ERR_UID_NOT_FOUND`, `605`, `GROUP_NOT_EXIST`.
        #[arg(required = true)]
        codes: Vec<String>,
    },
    /// List the catalog, or one table of it.
    List {
        /// Only this table.
        #[arg(long, value_parser = parse_table)]
        table: Option<Table>,
    },
    /// Search code, name, messages and description (case-insensitive; every word must match).
    Search {
        /// Words to look for.
        #[arg(required = true)]
        words: Vec<String>,
    },
    /// Parse a vendor error payload (JSON) from a file or standard input and explain it; with
    /// `--status` or `--http`, classify the whole HTTP response and print the decision.
    Parse {
        /// The file to read; `-` or nothing reads standard input.
        file: Option<String>,
        /// The payload's shape, when known; detected otherwise.
        #[arg(long, value_enum)]
        shape: Option<ShapeArg>,
        /// The HTTP status of the response the body came with: classify the response (status,
        /// headers, body) and print the decision. A body that is no vendor payload is then
        /// classified from the status alone.
        #[arg(long, value_parser = clap::value_parser!(u16).range(100..=599))]
        status: Option<u16>,
        /// A response header, `Name: value` (repeatable; needs `--status`).
        #[arg(long = "header", value_name = "NAME: VALUE", requires = "status")]
        headers: Vec<String>,
        /// The input is a raw HTTP response as `curl -i` prints it: a status line
        /// (`HTTP/1.1 429 Too Many Requests`, `HTTP/2 429`), headers, a blank line, the body.
        #[arg(long, conflicts_with_all = ["status", "headers"])]
        http: bool,
        /// Print the RFC 9457 Problem Details document (application/problem+json) instead.
        #[arg(long)]
        problem: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum ShapeArg {
    /// CometChat REST API body.
    Rest,
    /// CometChat Calls API body.
    Calls,
    /// Serialized CometChatException.
    Exception,
    /// Agora Web SDK ErrorEvent.
    Agora,
    /// Agora REST API body.
    AgoraRest,
    /// Genesys EventError.
    Genesys,
    /// Stream Chat API error.
    Stream,
    /// Sendbird Platform API body or SendbirdError.
    Sendbird,
    /// Twilio REST body, RestException, TwilioServiceException or Twilsock error.
    Twilio,
    /// Ably REST body, protocol message, ErrorInfo or state change.
    Ably,
    /// Tencent Cloud IM REST API reply or web SDK error.
    Tencent,
    /// ZEGOCLOUD ZIM SDK error.
    Zego,
}

impl ShapeArg {
    /// The table whose parser the shape names (see `payload::parse_for`).
    pub(crate) fn table(self) -> Table {
        match self {
            ShapeArg::Rest => Table::CometChatRest,
            ShapeArg::Calls => Table::CometChatCalls,
            ShapeArg::Exception => Table::CometChatSdk,
            ShapeArg::Agora => Table::AgoraChat,
            ShapeArg::AgoraRest => Table::AgoraRest,
            ShapeArg::Genesys => Table::GenesysChat,
            ShapeArg::Stream => Table::StreamChat,
            ShapeArg::Sendbird => Table::SendbirdChat,
            ShapeArg::Twilio => Table::TwilioConversations,
            ShapeArg::Ably => Table::Ably,
            ShapeArg::Tencent => Table::TencentIm,
            ShapeArg::Zego => Table::ZegoZim,
        }
    }
}

pub(crate) fn parse_table(s: &str) -> Result<Table, String> {
    s.parse().map_err(|_| {
        let names: Vec<&str> = <Table as strum::VariantArray>::VARIANTS
            .iter()
            .map(|t| t.as_str())
            .collect();
        format!(
            "unknown table `{s}` (expected one of: {})",
            names.join(", ")
        )
    })
}

/// The options of `parse`.
pub(crate) struct ParseOptions {
    pub(crate) shape: Option<ShapeArg>,
    pub(crate) status: Option<u16>,
    pub(crate) headers: Vec<String>,
    pub(crate) http: bool,
    pub(crate) problem: bool,
    pub(crate) json: bool,
    pub(crate) verbose: bool,
}
