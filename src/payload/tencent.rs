//! Tencent Cloud IM payloads: the REST API reply (whole-request and per-item results) and the
//! web SDK's rejection.

use alloc::borrow::Cow;
use alloc::vec::Vec;

use serde::Deserialize;
use serde_json::value::RawValue;

use super::error::json_error;
use super::fields::{Fields, Key, read};
use super::shapes::{shape_of, uncoded};
use super::{ParsedError, PayloadError, Shape};
use crate::resolve;
use crate::{RawCode, Table};

/// Parses a Tencent Cloud IM error in any of its forms, resolving the code in the
/// [`tencent`](crate::tencent) table:
///
/// | form | example |
/// |---|---|
/// | REST API reply that failed | `{"ActionStatus": "FAIL", "ErrorCode": 70107, "ErrorInfo": "...", "ErrorDisplay": "..."}` |
/// | web SDK (`@tencentcloud/chat`) rejection | `{"code": 2024, "message": "...", "data": {}}` |
/// | web SDK `error` event (`TencentCloudChat.EVENT.ERROR`) | `{"name": "error", "data": {"code": 2024, "message": "..."}}` |
/// | web SDK `kickedOut` event | `{"name": "kickedOut", "data": {"type": "userSigExpired"}}` (the type resolves to the SDK's `KICKED_OUT_*` code) |
///
/// The REST API answers with HTTP 200 whatever happened: only the body tells. A reply that
/// reports success (`ActionStatus: "OK"`, `ErrorCode: 0`) is [`PayloadError::Success`], never an
/// error value; a batch reply whose items partly failed is [`PayloadError::PartialFailure`]: read
/// such replies with [`parse_tencent_rest`], which gives every item's error. A reply with a
/// non-zero `ErrorCode` failed, whatever its `ActionStatus` says. A web SDK object without a
/// code (a `TypeError` the SDK threw) is a value, unrecognized or
/// [`Resolution::Runtime`](crate::Resolution::Runtime); `"code": null` is
/// [`PayloadError::MissingCode`].
///
/// ```
/// use chat_error_codes::{Canonical, Recovery, payload::{self, PayloadError, Shape}};
/// let body = r#"{"ActionStatus":"FAIL","ErrorCode":70107,"ErrorInfo":"Fail to Parse json data of body, Please check it","ErrorDisplay":""}"#;
/// let p = payload::parse_tencent(body).unwrap();
/// assert_eq!(p.shape(), Shape::TencentRest);
/// assert_eq!(p.code().as_integer(), Some(70107));
///
/// let rejected = r#"{"code":2024,"message":"The user is not logged in.","data":{}}"#;
/// let p = payload::parse_tencent(rejected).unwrap();
/// assert_eq!(p.shape(), Shape::TencentError);
/// // Called before login: log in, no credential was refused.
/// assert_eq!((p.canonical(), p.recovery()), (Canonical::FailedPrecondition, Recovery::Reauthenticate));
///
/// let ok = r#"{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""}"#;
/// assert!(matches!(payload::parse_tencent(ok), Err(PayloadError::Success { .. })));
/// ```
#[inline]
pub fn parse_tencent(json: &str) -> Result<ParsedError<'_>, PayloadError> {
    let mut f = Fields::default();
    read(json, Some(Shape::TencentError), &mut f)?;
    if f.has(Key::ActionStatus) || f.has(Key::ErrorCode) {
        return rest_error(json);
    }
    tencent_web(json, &mut f)
}

/// A REST reply read as one error: a success or a partial failure is refused, saying which.
pub(super) fn rest_error(json: &str) -> Result<ParsedError<'_>, PayloadError> {
    let shape = Shape::TencentRest;
    match parse_tencent_rest(json)? {
        TencentReply::Failed(error) => Ok(error),
        TencentReply::Success => Err(PayloadError::Success { shape }),
        TencentReply::Partial(batch) => Err(PayloadError::PartialFailure {
            shape,
            failed: batch.failed(),
        }),
    }
}

/// The web SDK's rejection: `{code, message, data}` (the SDK's error class, serialized).
#[inline(always)]
pub(super) fn tencent_web<'a>(
    json: &'a str,
    f: &mut Fields<'a>,
) -> Result<ParsedError<'a>, PayloadError> {
    let shape = Shape::TencentError;
    if !f.has(Key::Code) {
        let event = match f.name.as_deref() {
            Some("error") => error_event(json, f.data),
            Some("kickedOut") => kicked_out(json, f.data),
            _ => None,
        };
        if let Some(event) = event {
            return Ok(event);
        }
    }
    if f.has(Key::Code) && f.code.is_none() {
        return Err(PayloadError::MissingCode {
            shape,
            field: "code",
        });
    }
    let Some(code) = f.code.take() else {
        return Ok(uncoded(json, shape, Table::TencentIm, f));
    };
    // The kickedOut event as this crate writes it back: the reason as the code.
    let kick = match (f.name.as_deref(), code.as_str()) {
        (Some("kickedOut"), Some(kind)) => kick_reason(kind),
        _ => None,
    };
    let resolution = match kick {
        Some(entry) => crate::Resolution::Known(entry.into()),
        None => resolve::received(Table::TencentIm, code.clone()),
    };
    let shape = shape_of(&resolution, shape);
    let details = f.data.or(f.details);
    Ok(ParsedError::from_fields(json, shape, code, resolution, f).with_details(details))
}

/// The SDK's `error` event, `{"name": "error", "data": {"code", "message"}}`: the error is its
/// `data`. `None` when `data` holds no code.
fn error_event<'a>(json: &'a str, data: Option<&'a RawValue>) -> Option<ParsedError<'a>> {
    let data = data?.get();
    let mut inner = Fields::default();
    read(data, Some(Shape::TencentError), &mut inner).ok()?;
    let code = inner.code.take()?;
    let resolution = resolve::received(Table::TencentIm, code.clone());
    let shape = shape_of(&resolution, Shape::TencentError);
    Some(ParsedError::new(
        json,
        shape,
        code,
        resolution,
        None,
        inner.message,
        inner.data,
    ))
}

/// The SDK's `kickedOut` event, `{"name": "kickedOut", "data": {"type": "userSigExpired"}}`:
/// its `type` (kept as the code) is the reason, which the SDK's own `KICKED_OUT_*` codes name.
fn kicked_out<'a>(json: &'a str, data: Option<&'a RawValue>) -> Option<ParsedError<'a>> {
    let mut inner = Fields::default();
    read(data?.get(), Some(Shape::TencentError), &mut inner).ok()?;
    let kind = inner.kind.take()?;
    let resolution = crate::Resolution::Known(kick_reason(kind.as_str()?)?.into());
    let name = Some(Cow::Borrowed("kickedOut"));
    Some(ParsedError::new(
        json,
        Shape::TencentError,
        kind,
        resolution,
        name,
        None,
        data,
    ))
}

/// The SDK's `KICKED_OUT_*` code for a `kickedOut` event's `type` (`TencentCloudChat.TYPES`).
fn kick_reason(kind: &str) -> Option<crate::tencent::ChatError> {
    use crate::tencent::ChatError;
    Some(match kind {
        "multipleDevice" => ChatError::KickedOutMultDevice,
        "multipleAccount" => ChatError::KickedOutMultAccount,
        "userSigExpired" => ChatError::KickedOutUsersigExpired,
        "REST_API_Kick" => ChatError::KickedOutRestApi,
        _ => return None,
    })
}

/// What a Tencent Cloud IM REST API reply says: success, a failed request, or a request that
/// succeeded for some items of a batch and failed for others.
///
/// ```
/// use chat_error_codes::{Canonical, payload::{self, TencentReply}};
/// // Adding friends in a batch: the request went through, one item failed.
/// let body = r#"{"ResultItem":[{"To_Account":"id1","ResultCode":0,"ResultInfo":""},{"To_Account":"id2","ResultCode":30010,"ResultInfo":"Err_SNS_FriendAdd_Friend_Exceed"}],"Fail_Account":["id2"],"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","ErrorDisplay":""}"#;
/// let TencentReply::Partial(batch) = payload::parse_tencent_rest(body).unwrap() else { panic!() };
/// let (id, error) = batch.errors().next().unwrap();
/// assert_eq!(id, Some("id2"));
/// assert_eq!(error.code().as_integer(), Some(30010));
/// assert_eq!(batch.failed(), 1);
///
/// assert!(matches!(payload::parse_tencent_rest(r#"{"ActionStatus":"OK","ErrorCode":0}"#), Ok(TencentReply::Success)));
/// ```
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum TencentReply<'a> {
    /// `ActionStatus: "OK"`, `ErrorCode: 0`, and no item of a batch failed.
    Success,
    /// The request failed as a whole (`ErrorCode` not `0`, or `ActionStatus: "FAIL"`): one error.
    Failed(ParsedError<'a>),
    /// The request succeeded, but some of its items failed: each has its own error.
    Partial(TencentBatch<'a>),
}

/// The failed items of a batch reply, in the reply's order.
#[derive(Clone, Debug)]
pub struct TencentBatch<'a> {
    items: Vec<TencentItem<'a>>,
    listed: Vec<Cow<'a, str>>,
}

/// One failed item: the account or group it concerns and its error.
#[derive(Clone, Debug)]
struct TencentItem<'a> {
    id: Option<Cow<'a, str>>,
    error: ParsedError<'a>,
}

impl<'a> TencentBatch<'a> {
    /// Each failed item with a code (`ResultItem` with a non-zero `ResultCode`, `ErrorList`):
    /// the account or group it concerns (its `To_Account`, `UserID`, `Member_Account` or
    /// `GroupId`, when it names one) and its error, whose [`raw`](ParsedError::raw) is the
    /// item's JSON text.
    pub fn errors(&self) -> impl Iterator<Item = (Option<&str>, &ParsedError<'a>)> {
        self.items.iter().map(|i| (i.id.as_deref(), &i.error))
    }

    /// The accounts the reply lists as failed without a code of their own (`Fail_Account`,
    /// `FailAccounts`, e.g. of an account import), those that [`errors`](Self::errors) has not.
    pub fn uncoded(&self) -> impl Iterator<Item = &str> {
        self.listed.iter().map(|id| &**id)
    }

    /// How many items failed: with a code and without.
    pub fn failed(&self) -> usize {
        self.items.len() + self.listed.len()
    }
}

/// The members of a REST reply this crate reads; others are skipped.
#[derive(Deserialize)]
struct Reply<'a> {
    #[serde(rename = "ActionStatus")]
    status: Option<Cow<'a, str>>,
    #[serde(rename = "ErrorCode", borrow)]
    code: Option<RawCode<'a>>,
    #[serde(rename = "ErrorInfo")]
    info: Option<Cow<'a, str>>,
    #[serde(rename = "ResultItem", borrow)]
    results: Option<Vec<&'a RawValue>>,
    #[serde(rename = "ErrorList", borrow)]
    errors: Option<Vec<&'a RawValue>>,
    #[serde(rename = "Fail_Account", alias = "FailAccounts")]
    failed: Option<Vec<Cow<'a, str>>>,
}

/// One item of `ResultItem` or `ErrorList`.
#[derive(Deserialize)]
struct Item<'a> {
    #[serde(rename = "ResultCode", alias = "ErrorCode", borrow)]
    code: Option<RawCode<'a>>,
    #[serde(rename = "ResultInfo", alias = "ErrorInfo")]
    info: Option<Cow<'a, str>>,
    #[serde(
        rename = "To_Account",
        alias = "UserID",
        alias = "Member_Account",
        alias = "GroupId"
    )]
    id: Option<Cow<'a, str>>,
}

/// Parses a Tencent Cloud IM REST API reply (`ActionStatus`, `ErrorCode`, `ErrorInfo`,
/// `ErrorDisplay`, and a batch API's `ResultItem`, `ErrorList`, `Fail_Account` /
/// `FailAccounts`) into what it says: [`TencentReply::Success`], [`TencentReply::Failed`] with
/// the request's error, or [`TencentReply::Partial`] with every failed item's error and the
/// account or group it concerns. `ErrorInfo` is the error's [`message`](ParsedError::message);
/// `ErrorDisplay` is only in [`raw`](ParsedError::raw).
///
/// A reply is a success only when nothing in it says otherwise: `ActionStatus` `"OK"` (or
/// absent) with `ErrorCode` `0` (or absent, but not both absent) and no item failed. A non-zero
/// `ErrorCode` or `ActionStatus: "FAIL"` is a failed request (a `"FAIL"` without a code is
/// [`PayloadError::MissingCode`]).
///
/// ```
/// use chat_error_codes::{Canonical, payload::{self, TencentReply}};
/// // Sending to many users: the message reached all but one account.
/// let body = r#"{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"MsgKey":"1348_1_1617956845","ErrorList":[{"To_Account":"user2","ErrorCode":70107}]}"#;
/// let TencentReply::Partial(batch) = payload::parse_tencent_rest(body).unwrap() else { panic!() };
/// let failed: Vec<_> = batch.errors().map(|(id, e)| (id.unwrap(), e.code().as_integer().unwrap())).collect();
/// assert_eq!(failed, [("user2", 70107)]);
///
/// let body = r#"{"ActionStatus":"FAIL","ErrorCode":70001,"ErrorInfo":"usersig is expired","ErrorDisplay":""}"#;
/// let TencentReply::Failed(e) = payload::parse_tencent_rest(body).unwrap() else { panic!() };
/// assert_eq!(e.message(), Some("usersig is expired"));
/// ```
pub fn parse_tencent_rest(json: &str) -> Result<TencentReply<'_>, PayloadError> {
    let shape = Shape::TencentRest;
    let reply: Reply<'_> = serde_json::from_str(json).map_err(json_error(Some(shape)))?;
    let failed_status = reply.status.as_deref() == Some("FAIL");
    match reply.code.clone() {
        Some(code) if failed_status || code.as_integer() != Some(0) => {
            Ok(TencentReply::Failed(rest_parsed(json, code, reply.info)))
        }
        None if reply.status.as_deref() != Some("OK") => Err(PayloadError::MissingCode {
            shape,
            field: "ErrorCode",
        }),
        _ => batch(reply),
    }
}

/// A reply whose request succeeded: a success, or the items that failed.
fn batch(reply: Reply<'_>) -> Result<TencentReply<'_>, PayloadError> {
    let mut items = Vec::new();
    let lists = reply.results.iter().chain(&reply.errors);
    for raw in lists.flatten() {
        let item: Item<'_> =
            serde_json::from_str(raw.get()).map_err(json_error(Some(Shape::TencentRest)))?;
        match item.code {
            Some(code) if code.as_integer() != Some(0) => items.push(TencentItem {
                id: item.id,
                error: rest_parsed(raw.get(), code, item.info),
            }),
            _ => {}
        }
    }
    let mut listed = reply.failed.unwrap_or_default();
    listed.retain(|id| !items.iter().any(|i| i.id.as_deref() == Some(&**id)));
    if items.is_empty() && listed.is_empty() {
        return Ok(TencentReply::Success);
    }
    Ok(TencentReply::Partial(TencentBatch { items, listed }))
}

/// A failed request or item, its code resolved in the Tencent Cloud IM table.
fn rest_parsed<'a>(raw: &'a str, code: RawCode<'a>, info: Option<Cow<'a, str>>) -> ParsedError<'a> {
    let resolution = resolve::received(Table::TencentIm, code.clone());
    ParsedError::new(raw, Shape::TencentRest, code, resolution, None, info, None)
}

#[cfg(test)]
mod tests {
    use super::{TencentReply, parse_tencent_rest};
    use crate::payload::PayloadError;
    use alloc::vec::Vec;

    fn reply(json: &str) -> TencentReply<'_> {
        parse_tencent_rest(json).unwrap()
    }

    #[test]
    fn a_failure_is_never_a_success_and_a_success_never_a_failure() {
        assert!(matches!(
            reply(r#"{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""}"#),
            TencentReply::Success
        ));
        assert!(matches!(
            reply(r#"{"ActionStatus":"OK"}"#),
            TencentReply::Success
        ));
        assert!(matches!(reply(r#"{"ErrorCode":0}"#), TencentReply::Success));
        // A code says failure whatever the status says, and "FAIL" whatever the code.
        assert!(matches!(
            reply(r#"{"ActionStatus":"OK","ErrorCode":70107}"#),
            TencentReply::Failed(_)
        ));
        assert!(matches!(
            reply(r#"{"ActionStatus":"FAIL","ErrorCode":0}"#),
            TencentReply::Failed(_)
        ));
        assert!(matches!(
            reply(r#"{"ErrorCode":"70107"}"#),
            TencentReply::Failed(_)
        ));
        for missing in [r#"{"ActionStatus":"FAIL"}"#, "{}"] {
            assert!(matches!(
                parse_tencent_rest(missing),
                Err(PayloadError::MissingCode { .. })
            ));
        }
    }

    #[test]
    fn every_failed_item_is_kept_with_its_account() {
        let body = r#"{"ActionStatus":"OK","ErrorCode":0,"ResultItem":[{"UserID":"a","ResultCode":0,"ResultInfo":"","AccountStatus":"Imported"},{"UserID":"b","ResultCode":70107,"ResultInfo":"not imported"}],"ErrorList":[{"To_Account":"c","ErrorCode":90011}],"Fail_Account":["b","d"]}"#;
        let TencentReply::Partial(batch) = reply(body) else {
            panic!()
        };
        let ids: Vec<_> = batch.errors().map(|(id, _)| id).collect();
        assert_eq!(ids, [Some("b"), Some("c")]);
        assert_eq!(batch.uncoded().collect::<Vec<_>>(), ["d"]);
        assert_eq!(batch.failed(), 3);
        let (_, b) = batch.errors().next().unwrap();
        assert_eq!(
            b.raw(),
            r#"{"UserID":"b","ResultCode":70107,"ResultInfo":"not imported"}"#
        );
        assert_eq!(b.message(), Some("not imported"));
    }

    #[test]
    fn a_malformed_item_fails_the_reply() {
        for body in [
            r#"{"ActionStatus":"OK","ErrorCode":0,"ResultItem":[1]}"#,
            r#"{"ActionStatus":"OK","ErrorCode":0,"ResultItem":{}}"#,
            r#"{"ActionStatus":"OK","ErrorCode":0,"ErrorList":[{"ErrorCode":1,"ResultCode":2}]}"#,
            r#"{"ActionStatus":"OK","ActionStatus":"FAIL","ErrorCode":0}"#,
        ] {
            assert!(
                matches!(parse_tencent_rest(body), Err(PayloadError::Json { .. })),
                "{body}"
            );
        }
    }
}
