//! Agora Chat native SDK error codes: the numbering of the Android (`io.agora.chat.Error`), iOS
//! (`AgoraChatErrorCode`) and Windows/Unity (C#) SDKs.
//!
//! Source: `data/agora_native.toml`. Names are the Android constants; the names the other
//! platforms give a code are [`platform_names`](crate::ErrorInfo::platform_names), and where a
//! platform spells the code differently the name is also an alias that looks it up. Where sources
//! disagree (605/606: an iOS 1.2.0 header against the current docs), the entry keeps both and its
//! note says which one the catalog follows.
//!
//! These numbers mean something else in the Web SDK ([`crate::agora::ChatError`]):
//!
//! ```
//! use chat_error_codes::{ErrorInfo, agora};
//!
//! // An Android app reports 1; a browser reports 1 too, for another error.
//! assert_eq!(agora::native::ChatError::from_number(1).unwrap().name(), "GENERAL_ERROR");
//! assert_eq!(agora::ChatError::from_number(1).unwrap().name(), "WEBIM_CONNCTION_OPEN_ERROR");
//! ```
//!
//! Match it without a wildcard arm: when the vendor adds a code, this stops compiling.
//!
//! ```
//! use chat_error_codes::agora::native::ChatError;
//!
//! #[allow(deprecated)] // retired codes stay, deprecated
//! fn advice(e: ChatError) -> &'static str {
//!     match e {
//!         ChatError::GeneralError => "report it",
//! #       ChatError::EmNoError | ChatError::NetworkError | ChatError::DatabaseError
//! #       | ChatError::ExceedServiceLimit | ChatError::ServiceArrearages | ChatError::PushReportActionFailed
//! #       | ChatError::PartialSuccess | ChatError::AppActiveNumberReachLimitation | ChatError::InvalidAppKey
//! #       | ChatError::InvalidUserName | ChatError::InvalidPassword | ChatError::InvalidUrl
//! #       | ChatError::InvalidToken | ChatError::UserNameTooLong | ChatError::ChannelSyncNotOpen
//! #       | ChatError::InvalidConversation | ChatError::TokenExpired | ChatError::TokenWillExpire
//! #       | ChatError::InvalidParam | ChatError::OperationUnsupported | ChatError::QueryParamReachesLimit
//! #       | ChatError::UserAlreadyLogin | ChatError::UserNotLogin | ChatError::UserAuthenticationFailed
//! #       | ChatError::UserAlreadyExist | ChatError::UserNotFound | ChatError::UserIllegalArgument
//! #       | ChatError::UserLoginAnotherDevice | ChatError::UserRemoved | ChatError::UserRegFailed
//! #       | ChatError::PushUpdateconfigsFailed | ChatError::UserPermissionDenied | ChatError::UserBinddevicetokenFailed
//! #       | ChatError::UserUnbindDevicetokenFailed | ChatError::UserBindAnotherDevice | ChatError::UserLoginTooManyDevices
//! #       | ChatError::UserMuted | ChatError::UserKickedByChangePassword | ChatError::UserKickedByOtherDevice
//! #       | ChatError::UserAlreadyLoginAnother | ChatError::UserMutedByAdmin | ChatError::UserDeviceChanged
//! #       | ChatError::UserNotOnRoster | ChatError::ServerNotReachable | ChatError::ServerTimeout
//! #       | ChatError::ServerBusy | ChatError::ServerUnknownError | ChatError::ServerGetDnslistFailed
//! #       | ChatError::ServerServiceRestricted | ChatError::FileNotFound | ChatError::FileInvalid
//! #       | ChatError::FileUploadFailed | ChatError::FileDownloadFailed | ChatError::FileDeleteFailed
//! #       | ChatError::FileTooLarge | ChatError::FileContentImproper | ChatError::FileIsExpired
//! #       | ChatError::MessageInvalid | ChatError::MessageIncludeIllegalContent | ChatError::MessageSendTrafficLimit
//! #       | ChatError::MessageRecallTimeLimit | ChatError::ServiceNotEnabled | ChatError::MessageExpired
//! #       | ChatError::MessageIllegalWhitelist | ChatError::MessageExternalLogicBlocked | ChatError::MessageCurrentLimiting
//! #       | ChatError::MessageSizeLimit | ChatError::MessageEditFailed | ChatError::GroupInvalidId
//! #       | ChatError::GroupAlreadyJoined | ChatError::GroupNotJoined | ChatError::GroupPermissionDenied
//! #       | ChatError::GroupMembersFull | ChatError::GroupSharedFileInvalidid | ChatError::GroupNotExist
//! #       | ChatError::GroupDisabled | ChatError::GroupNameViolation | ChatError::GroupMemberAttributesReachLimit
//! #       | ChatError::GroupMemberAttributesUpdateFailed | ChatError::GroupMemberAttributesKeyReachLimit | ChatError::GroupMemberAttributesValueReachLimit
//! #       | ChatError::GroupUserInBlocklist | ChatError::ChatroomInvalidId | ChatError::ChatroomAlreadyJoined
//! #       | ChatError::ChatroomNotJoined | ChatError::ChatroomPermissionDenied | ChatError::ChatroomMembersFull
//! #       | ChatError::ChatroomNotExist | ChatError::ChatroomOwnerNotAllowLeave | ChatError::ChatroomUserInBlocklist
//! #       | ChatError::UserinfoUsercountExceed | ChatError::UserinfoDatalengthExceed | ChatError::TranslateInvalidParams
//! #       | ChatError::TranslateFail | ChatError::TranslateNotInit | ChatError::ContactAddFailed
//! #       | ChatError::ContactReachLimit | ChatError::ContactReachLimitPeer | ChatError::PresenceParamLengthExceed
//! #       | ChatError::PresenceCannotSubscribeYourself | ChatError::TranslateParamInvalid | ChatError::TranslateServiceNotEnable
//! #       | ChatError::TranslateUsageLimit | ChatError::TranslateMessageFail | ChatError::ModerationFailed
//! #       | ChatError::ThirdServerFailed | ChatError::ReactionReachLimit | ChatError::ReactionHasBeenOperated
//! #       | ChatError::ReactionOperationIsIllegal | ChatError::ThreadNotExist | ChatError::ThreadAlreadyExist
//! #       | ChatError::ThreadCreateMessageIllegal | ChatError::PushNotSupport | ChatError::PushBindFailed
//! #       | ChatError::PushUnbindFailed
//! #       => "see the entry",
//!         // ... one arm per code (hidden here) ...
//!     }
//! }
//! assert_eq!(advice(ChatError::GeneralError), "report it");
//! ```
#![allow(deprecated)] // the generated code refers to every variant, retired ones included

include!(concat!(env!("OUT_DIR"), "/agora_native.rs"));
crate::entry::impl_table!(crate::Table::AgoraNative, integer);
