//! `chat-error-codes`: explain, list and search the chat vendors' error codes, and parse their
//! error payloads.
//!
//! ```text
//! chat-error-codes explain ERR_UID_NOT_FOUND 605
//! chat-error-codes list --table genesys_chat --json
//! chat-error-codes search rate limit
//! echo '{"type":605,"message":"x"}' | chat-error-codes parse
//! chat-error-codes parse --status 429 --header 'Retry-After: 15' body.json
//! curl -si https://... | chat-error-codes parse --http --problem
//! ```
#![forbid(unsafe_code)]

use std::io::Write;
use std::process::ExitCode;

use chat_error_codes::{AnyChatError, ErrorInfo};
use clap::Parser;

use args::{Cli, Command, ParseOptions};
use commands::{explain, matches_words, parse_command, print_entries};
use text::warn;

mod args;
mod commands;
mod decode;
mod json;
mod raw_http;
mod text;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut out = String::new();
    let status = match cli.command {
        Command::Explain { codes } => explain(&codes, cli.json, cli.verbose, &mut out),
        Command::List { table } => {
            let entries: Vec<AnyChatError> = AnyChatError::all()
                .filter(|e| table.is_none_or(|t| e.table() == t))
                .collect();
            print_entries(&entries, cli.json, &mut out);
            ExitCode::SUCCESS
        }
        Command::Search { words } => {
            let words: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
            let entries: Vec<AnyChatError> = AnyChatError::all()
                .filter(|e| matches_words(e, &words))
                .collect();
            if entries.is_empty() && !cli.json {
                warn(format_args!("nothing matches {}", words.join(" ")));
            }
            print_entries(&entries, cli.json, &mut out);
            if entries.is_empty() {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Command::Parse {
            file,
            shape,
            status,
            headers,
            http,
            problem,
        } => {
            let options = ParseOptions {
                shape,
                status,
                headers,
                http,
                problem,
                json: cli.json,
                verbose: cli.verbose,
            };
            parse_command(file.as_deref(), &options, &mut out)
        }
    };
    // A closed pipe (`| head`) is not an error worth a panic.
    let _ = std::io::stdout().write_all(out.as_bytes());
    status
}
