//! Tencent Cloud IM (Chat) error codes: the integer `code` the native SDKs (V2TIM), the server
//! (`ErrorCode` of a REST API response) and the web SDKs (`TencentCloudChat`, `tim-js-sdk`)
//! report.
//!
//! Source: `data/tencent_im.toml`: every code of the native SDK header `TIMErrorCode.h` (IM SDK
//! 8.7.7201, TencentCloud/TIMSDK), of the English "Error Codes" page and the REST API's per-API
//! pages (tencentyun/intlcloud-documents), and of the error-code objects of the web SDKs
//! `@tencentcloud/chat` 3.6.6 and `tim-js-sdk` 2.27.6; [`sources`](crate::ErrorInfo::sources)
//! says which of them lists an entry.
//!
//! Names: the header's (`ERR_SVR_GROUP_NOT_FOUND`); for a code only the web SDKs have, the
//! `@tencentcloud/chat` name, else the `tim-js-sdk` one; for a code only the docs list (they give
//! no symbolic names), a name of the catalog's own, which the entry's note says. The web SDKs name
//! many codes differently (`MSG_SEND_FAIL` and `MESSAGE_SEND_FAIL` for 2100): every such name is an
//! [alias](crate::ErrorInfo::aliases) that `from_code` accepts, and
//! [`platform_names`](crate::ErrorInfo::platform_names) tells which SDK uses it (`native`,
//! `web`, `timjs`).
//!
//! Codes are negative for the access layer and offline push. The docs reserve 120001-130000 for
//! the codes an app's own one-to-one chat webhook returns: [`section_of`] finds that range for
//! any code in it, and [`resolve::number`](crate::resolve::number) resolves such a code to it.
//!
//! ```
//! use chat_error_codes::{Canonical, ErrorInfo, Recovery, Vendor, tencent::{self, ChatError}};
//!
//! let e = ChatError::from_number(10010).unwrap();
//! assert_eq!(e.name(), "ERR_SVR_GROUP_NOT_FOUND");
//! assert_eq!(e.vendor(), Vendor::Tencent);
//! assert_eq!(e.canonical(), Canonical::NotFound);
//!
//! // The two web SDKs' names for 2100 are both accepted.
//! let sent = ChatError::from_code("MSG_SEND_FAIL").unwrap();
//! assert_eq!(ChatError::from_code("MESSAGE_SEND_FAIL"), Some(sent));
//! assert_eq!(sent.code().as_i32(), Some(2100));
//!
//! // The header's name and the web SDKs' name of one code.
//! let expired = ChatError::from_code("ACCOUNT_A2KEY_EXPIRED").unwrap();
//! assert_eq!(expired.name(), "ERR_SVR_ACCOUNT_USERSIG_EXPIRED");
//! assert_eq!(expired.recovery(), Recovery::Reauthenticate);
//!
//! // Negative codes, and the webhook's documented range.
//! assert!(ChatError::from_number(-10001).is_some());
//! assert!(ChatError::from_number(125000).is_none());
//! assert_eq!(tencent::section_of(125000).unwrap().range(), Some((120001, 130000)));
//! ```
#![doc = include_str!(concat!(env!("OUT_DIR"), "/tencent_im.match.md"))]
#![allow(deprecated)] // the generated code refers to every variant, retired ones included

include!(concat!(env!("OUT_DIR"), "/tencent_im.rs"));
crate::entry::impl_table!(crate::Table::TencentIm, integer);

/// The documented range (section) that contains `code`, listed in the table or not: only
/// 120001-130000, the codes of an app's own one-to-one chat webhook.
pub fn section_of(code: i64) -> Option<&'static crate::Section> {
    crate::Table::TencentIm.section_of(code)
}
