//! One function per vendor shape, the nested causes, and the shape detection of [`parse`].

use alloc::vec::Vec;

use serde_json::value::RawValue;

use super::fields::{Body, ErrorField, Fields, Key, read};
use super::{Cause, ParsedError, PayloadError, Shape};
use crate::resolve;
use crate::{RawCode, Resolution, Table};

#[inline(always)]
fn rest_like<'a>(
    json: &'a str,
    shape: Shape,
    table: Table,
) -> Result<ParsedError<'a>, PayloadError> {
    let mut f = Fields::default();
    read(json, Some(shape), &mut f)?;
    let error = match f.error.take() {
        Some(ErrorField::Body(body)) => body,
        _ => {
            return Err(PayloadError::MissingCode {
                shape,
                field: "error",
            });
        }
    };
    rest_body(json, error, shape, table)
}

#[inline(always)]
pub(super) fn rest_body<'a>(
    json: &'a str,
    inner: Body<'a>,
    shape: Shape,
    table: Table,
) -> Result<ParsedError<'a>, PayloadError> {
    let code = inner.code.ok_or(PayloadError::MissingCode {
        shape,
        field: "error.code",
    })?;
    // A Calls API body can carry any REST code (auth, rate limit): the table's fallback.
    let resolution = resolve::received(table, code.clone());
    Ok(ParsedError::new(
        json,
        shape,
        code,
        resolution,
        inner.name,
        inner.message,
        inner.details,
    ))
}

/// Parses a CometChat REST API error body, resolving the code in the REST table.
///
/// ```
/// use chat_error_codes::payload;
/// let p = payload::parse_rest(r#"{"error":{"code":"ERR_BRAND_NEW","message":"new"}}"#).unwrap();
/// assert!(p.resolution().is_unrecognized());
/// assert_eq!(serde_json::to_string(&p).unwrap(), r#"{"error":{"code":"ERR_BRAND_NEW","message":"new"}}"#);
/// ```
#[inline]
pub fn parse_rest(json: &str) -> Result<ParsedError<'_>, PayloadError> {
    rest_like(json, Shape::CometChatRest, Table::CometChatRest)
}

/// Parses a CometChat Calls API error body, resolving the code in the Calls table first and
/// in the REST guide for the other REST codes the Calls API returns.
#[inline]
pub fn parse_calls(json: &str) -> Result<ParsedError<'_>, PayloadError> {
    rest_like(json, Shape::CometChatCalls, Table::CometChatCalls)
}

/// Parses a serialized `CometChatException` (see
/// [`resolve::exception`](crate::resolve::exception) for how its code resolves).
///
/// ```
/// use chat_error_codes::{payload, resolve::{self, RawCode}};
/// let p = payload::parse_exception(r#"{"code":-1,"name":"WS_CONNECTION_FAIL","message":"WebSocket connection failed."}"#).unwrap();
/// assert_eq!(p.code(), &RawCode::Int(-1));
/// assert_eq!(p.resolution().entry().map(|e| e.to_string()), Some("WS_CONNECTION_FAIL: WebSocket connection failed.".into()));
/// ```
#[inline]
pub fn parse_exception(json: &str) -> Result<ParsedError<'_>, PayloadError> {
    let mut f = Fields::default();
    read(json, Some(Shape::CometChatException), &mut f)?;
    exception(json, &mut f)
}

#[inline(always)]
pub(super) fn exception<'a>(
    json: &'a str,
    f: &mut Fields<'a>,
) -> Result<ParsedError<'a>, PayloadError> {
    let shape = Shape::CometChatException;
    if !f.has(Key::Code) {
        // No `code` at all: a `name` that is a catalog code still says which error it is.
        if let Some(name) = f.name.clone() {
            let resolution = resolve::exception(RawCode::Str(name.clone()), Some(&name));
            if !resolution.is_unrecognized() {
                let code = RawCode::Str(name);
                return Ok(ParsedError::from_fields(json, shape, code, resolution, f));
            }
        }
        return Ok(uncoded(json, shape, Table::CometChatSdk, f));
    }
    let code = f.code.take().ok_or(PayloadError::MissingCode {
        shape,
        field: "code",
    })?;
    let resolution = resolve::exception(code.clone(), f.name.as_deref());
    let causes = nested_causes(f.details, Key::Code, |code, name| {
        resolve::exception(code, name)
    });
    let parsed = ParsedError::from_fields(json, shape, code, resolution, f);
    Ok(parsed.with_causes(causes))
}

/// The shape of a vendor's payload whose code `resolution` found: a transport error when the
/// code is the transport table's (the SDK passed a Node.js or axios error through).
pub(super) fn shape_of(resolution: &Resolution<'_>, vendor: Shape) -> Shape {
    match resolution.table() {
        Table::JsTransport => Shape::TransportError,
        _ => vendor,
    }
}

/// What an SDK handed back without a code: a JavaScript runtime error (`{name, message}`) is
/// classified as one; anything else (`{}`, `{"status": false}`) is unrecognized, its whole text
/// kept as the code.
pub(super) fn uncoded<'a>(
    json: &'a str,
    shape: Shape,
    table: Table,
    f: &mut Fields<'a>,
) -> ParsedError<'a> {
    let (code, resolution) = match f.name.clone() {
        Some(name) => {
            let code = RawCode::Str(name.clone());
            let runtime = crate::RuntimeError::new(table, name, f.message.clone());
            (code, Resolution::Runtime(runtime))
        }
        None => {
            let code = RawCode::from(json.trim());
            (
                code.clone(),
                Resolution::Unrecognized(crate::Unrecognized::new(table, code)),
            )
        }
    };
    let mut parsed = ParsedError::from_fields(json, shape, code, resolution, f)
        .with_details(f.details.or(f.data));
    parsed.coded = false;
    parsed
}

/// Parses an Agora Chat Web SDK `ErrorEvent` (`type` is the code: a number, or a symbol such as
/// `GROUP_NOT_EXIST`). A `type` that is a URI (`"about:blank"`, an RFC 9457 problem type) is not
/// Agora's: [`PayloadError::ProblemDetails`].
///
/// ```
/// use chat_error_codes::{ErrorInfo, payload};
/// let p = payload::parse_agora(r#"{"type":605,"message":"group not exist","data":{"id":"g1"}}"#).unwrap();
/// assert_eq!(p.resolution().entry().unwrap().name(), "GROUP_NOT_EXIST");
/// ```
#[inline]
pub fn parse_agora(json: &str) -> Result<ParsedError<'_>, PayloadError> {
    let mut f = Fields::default();
    read(json, Some(Shape::AgoraErrorEvent), &mut f)?;
    agora(json, &mut f)
}

#[inline(always)]
pub(super) fn agora<'a>(
    json: &'a str,
    f: &mut Fields<'a>,
) -> Result<ParsedError<'a>, PayloadError> {
    let shape = Shape::AgoraErrorEvent;
    if f.kind.as_ref().is_some_and(super::detect::is_uri) {
        return Err(PayloadError::ProblemDetails { member: "type" });
    }
    if !f.has(Key::Type) {
        return Ok(uncoded(json, shape, Table::AgoraChat, f));
    }
    let code = f.kind.take().ok_or(PayloadError::MissingCode {
        shape,
        field: "type",
    })?;
    let resolution = resolve::received(Table::AgoraChat, code.clone());
    let causes = nested_causes(f.data, Key::Type, |code, _| {
        resolve::received(Table::AgoraChat, code)
    });
    let parsed = ParsedError::new(
        json,
        shape,
        code,
        resolution,
        None,
        f.message.take(),
        f.data,
    );
    Ok(parsed.with_causes(causes))
}

/// How deep nested causes are followed (Agora nests `data` twice in the captured traffic).
const MAX_CAUSES: usize = 4;

/// The chain of errors nested in `nested` (an object with a code under `key`, and its own
/// `data`/`details`), outermost first, each resolved by `resolve`. A member that is not such an
/// object ends the chain; nothing here fails the payload.
fn nested_causes<'a>(
    mut nested: Option<&'a RawValue>,
    key: Key,
    resolve: impl Fn(RawCode<'a>, Option<&str>) -> Resolution<'a>,
) -> Vec<Cause<'a>> {
    let mut causes = Vec::new();
    while let Some(raw) = nested.filter(|_| causes.len() < MAX_CAUSES) {
        let text = raw.get();
        // Most `details` / `data` hold no error: reading them again is skipped unless they can.
        // (A `RawValue`'s text starts with its value: no whitespace to skip.)
        if !text.starts_with('{') || !may_name(text, key.as_str()) {
            break;
        }
        let mut f = Fields::default();
        if read(text, None, &mut f).is_err() {
            break;
        }
        let Some(code) = (if key == Key::Type {
            f.kind.take()
        } else {
            f.code.take()
        }) else {
            break;
        };
        let resolution = resolve(code.clone(), f.name.as_deref());
        causes.push(Cause {
            code,
            message: f.message.take(),
            resolution,
        });
        nested = f.data.or(f.details);
    }
    causes
}

/// Whether JSON `text` may name a member `key`: it holds the name, or a backslash (an escape
/// could spell it). The backslash is searched without early exit, which the compiler
/// vectorizes; a nested object is short and seldom holds either.
fn may_name(text: &str, key: &str) -> bool {
    text.bytes().fold(false, |found, c| found | (c == b'\\')) || text.contains(key)
}

/// Parses a Genesys Web Engagement chat error: a numeric `code` (JSON integer or decimal string)
/// with an optional `message`. Codes outside the table resolve to their documented range.
///
/// ```
/// use chat_error_codes::payload;
/// let p = payload::parse_genesys(r#"{"code":"230","message":"widget failed"}"#).unwrap();
/// assert_eq!(p.resolution().section().unwrap().range(), Some((200, 249)));
/// ```
#[inline]
pub fn parse_genesys(json: &str) -> Result<ParsedError<'_>, PayloadError> {
    let mut f = Fields::default();
    read(json, Some(Shape::GenesysEventError), &mut f)?;
    genesys(json, &mut f)
}

#[inline(always)]
pub(super) fn genesys<'a>(
    json: &'a str,
    f: &mut Fields<'a>,
) -> Result<ParsedError<'a>, PayloadError> {
    let shape = Shape::GenesysEventError;
    let code = f.code.take().ok_or(PayloadError::MissingCode {
        shape,
        field: "code",
    })?;
    let resolution = resolve::received(Table::GenesysChat, code.clone());
    Ok(ParsedError::from_fields(json, shape, code, resolution, f))
}

/// Parses an Agora Chat REST API error body by its `error` string alone (the body carries no
/// status; use [`parse_agora_rest_with_status`] when you have the response's). The Java
/// `exception` is kept as [`name`](ParsedError::name), `error_description` as
/// [`message`](ParsedError::message); [`server_message`](ParsedError::server_message) tells which
/// documented message it is.
///
/// ```
/// use chat_error_codes::{Canonical, payload};
/// let body = r#"{"error":"brand_new_error","exception":"x.Y","timestamp":1,"duration":0,"error_description":"new"}"#;
/// let p = payload::parse_agora_rest(body).unwrap();
/// assert!(p.resolution().is_unrecognized());
/// assert_eq!(p.code().as_str(), Some("brand_new_error"));
/// assert_eq!(p.canonical(), Canonical::Unknown);
/// ```
#[inline]
pub fn parse_agora_rest(json: &str) -> Result<ParsedError<'_>, PayloadError> {
    let mut f = Fields::default();
    read(json, Some(Shape::AgoraRest), &mut f)?;
    agora_rest(json, &mut f, None)
}

/// [`parse_agora_rest`] with the HTTP status of the response, which picks the entry when the
/// same `error` string is documented under several statuses (`web_application`: 415 and 500)
/// and finds the statuses documented without a string.
///
/// ```
/// use chat_error_codes::{agora::rest::ChatError, payload};
/// let body = r#"{"error":"web_application","exception":"javax.ws.rs.WebApplicationException","timestamp":1,"duration":0,"error_description":"HTTP 415 Unsupported Media Type"}"#;
/// let p = payload::parse_agora_rest_with_status(body, 415).unwrap();
/// assert_eq!(p.resolution().entry(), Some(ChatError::WebApplication415.into()));
/// assert_eq!(p.status(), Some(415));
/// ```
#[inline]
pub fn parse_agora_rest_with_status(
    json: &str,
    status: u16,
) -> Result<ParsedError<'_>, PayloadError> {
    let mut f = Fields::default();
    read(json, Some(Shape::AgoraRest), &mut f)?;
    agora_rest(json, &mut f, Some(status))
}

#[inline(always)]
pub(super) fn agora_rest<'a>(
    json: &'a str,
    f: &mut Fields<'a>,
    status: Option<u16>,
) -> Result<ParsedError<'a>, PayloadError> {
    let shape = Shape::AgoraRest;
    let Some(ErrorField::Text(error)) = f.error.take() else {
        return Err(PayloadError::MissingCode {
            shape,
            field: "error",
        });
    };
    let found = match status {
        Some(status) => crate::agora::rest::ChatError::from_response(status, &error),
        None => crate::agora::rest::ChatError::from_code(&error),
    };
    let code = RawCode::Str(error);
    let resolution = match found {
        Some(e) => Resolution::Known(e.into()),
        None => resolve::received(Table::AgoraRest, code.clone()),
    };
    let parsed = ParsedError::new(
        json,
        shape,
        code,
        resolution,
        f.exception.take(),
        f.error_description.take(),
        None,
    );
    Ok(parsed.with_status(status))
}
