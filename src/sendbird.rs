//! Sendbird Chat error codes: the six-digit `code` of Platform API error bodies, of the SDKs'
//! `SendbirdError` and of WebSocket errors, in sections by range (400xxx request errors,
//! 500xxx server errors, 800xxx SDK errors, 900xxx WebSocket errors).
//!
//! Source: `data/sendbird_chat.toml`: names from the `@sendbird/chat` JS SDK's
//! `SendbirdErrorCode`; where the Flutter or Unity SDK names a code differently, that name is an
//! alias with a note, and [`platform_names`](crate::ErrorInfo::platform_names) gives each SDK's.
//!
//! ```
//! use chat_error_codes::{Canonical, ErrorInfo, sendbird::ChatError};
//!
//! let e = ChatError::from_number(400201).unwrap();
//! assert_eq!(e.canonical(), Canonical::NotFound);
//! ```
//!
//! Match it without a wildcard arm: when the vendor adds a code, this stops compiling.
//!
//! ```
//! use chat_error_codes::sendbird::ChatError;
//!
//! #[allow(deprecated)] // retired codes stay, deprecated
//! fn advice(e: ChatError) -> &'static str {
//!     match e {
//!         ChatError::RateLimitExceeded => "slow down",
//! #       ChatError::UnexpectedParameterTypeString | ChatError::UnexpectedParameterTypeNumber | ChatError::UnexpectedParameterTypeList
//! #       | ChatError::UnexpectedParameterTypeJson | ChatError::UnexpectedParameterTypeBoolean | ChatError::InvalidRequiredFormValue
//! #       | ChatError::NegativeNumberNotAllowed | ChatError::PositiveNumberNotAllowed | ChatError::NonAuthorized
//! #       | ChatError::ExpiredPageToken | ChatError::ParameterValueLengthExceeded | ChatError::InvalidToken
//! #       | ChatError::IncompatibleValues | ChatError::ParameterValueOutOfRange | ChatError::InvalidUrlOfResource
//! #       | ChatError::NotAllowedCharacter | ChatError::NotFoundInDatabase | ChatError::ErrDuplicatedData
//! #       | ChatError::TooManyItemsInParameter | ChatError::UserAuthDeactivated | ChatError::UserAuthDeletedOrNotFound
//! #       | ChatError::SessionTokenExpired | ChatError::InvalidSessionKeyValue | ChatError::ApplicationNotFound
//! #       | ChatError::UserIdLengthExceeded | ChatError::PaidQuotaExceeded | ChatError::DomainNotAllowed
//! #       | ChatError::SessionKeyExpired | ChatError::SessionRevoked | ChatError::InvalidSessionType
//! #       | ChatError::InvalidAuthForService | ChatError::InvalidApiToken | ChatError::MissingSomeParameters
//! #       | ChatError::InvalidJsonRequestBody | ChatError::InvalidRequestURL | ChatError::TooManyUserWebsocketConnections
//! #       | ChatError::TooManyApplicationWebsocketConnections | ChatError::BlockedUserSendMessageNotAllowed | ChatError::BlockedUserInvitedNotAllowed
//! #       | ChatError::BlockedUserInviteNotAllowed | ChatError::BannedUserEnterChannelNotAllowed | ChatError::BannedUserEnterCustomChannelNotAllowed
//! #       | ChatError::Unacceptable | ChatError::InvalidEndpoint | ChatError::NotSupportedPinnedMessageInReviewMessage
//! #       | ChatError::ApplicationNotAvailable | ChatError::StatUploadNotAllowed | ChatError::InternalErrorPushTokenNotRegistered
//! #       | ChatError::InternalErrorPushTokenNotUnregistered | ChatError::InternalServerError | ChatError::ServiceUnavailable
//! #       | ChatError::DebugModeRequired | ChatError::LostInstance | ChatError::ConnectionRenew
//! #       | ChatError::InvalidConnectionStateTransition | ChatError::InvalidCommand | ChatError::XmlhttprequestNotSupported
//! #       | ChatError::UnknownError | ChatError::SdkUnknownError | ChatError::InvalidInitialization
//! #       | ChatError::ConnectionRequired | ChatError::ConnectionCanceled | ChatError::InvalidParameter
//! #       | ChatError::NotSupportedError | ChatError::NetworkError | ChatError::NetworkRoutingError
//! #       | ChatError::MalformedData | ChatError::MalformedErrorData | ChatError::WrongChannelType
//! #       | ChatError::MarkAsReadRateLimitExceeded | ChatError::QueryInProgress | ChatError::AckTimeout
//! #       | ChatError::LoginTimeout | ChatError::WebsocketConnectionClosed | ChatError::WebsocketConnectionFailed
//! #       | ChatError::RequestFailed | ChatError::DelayedConnecting | ChatError::FileUploadCancelFailed
//! #       | ChatError::RequestCanceled | ChatError::RequestDuplicated | ChatError::FileSizeLimitExceeded
//! #       | ChatError::ErrUploadStatRetryCountExceeded | ChatError::TimerWasExpired | ChatError::TimerWasAlreadyDone
//! #       | ChatError::TimerWasExpiredUnity | ChatError::PendingError | ChatError::SessionTokenRequestFailed
//! #       | ChatError::SessionTokenRefreshed | ChatError::SessionTokenRefreshFailed | ChatError::CollectionDisposed
//! #       | ChatError::DatabaseError | ChatError::SocketUserLoginRequired | ChatError::SocketUserNotMember
//! #       | ChatError::UserDeactivated | ChatError::SocketUserNotOwnerOfMessage | ChatError::SocketPendingUserSendMessageNotAllowed
//! #       | ChatError::SocketInvalidMentionForMessage | ChatError::SocketInvalidPushOptionForMessage | ChatError::SocketTooManyMetaKeyForMessage
//! #       | ChatError::SocketTooManyMetaValueForMessage | ChatError::SocketInvalidMetaArrayForMessage | ChatError::SocketGuestNotAllowed
//! #       | ChatError::SocketMutedUserInApplicationSendMessageNotAllowed | ChatError::SocketMutedUserInChannelSendMessageNotAllowed | ChatError::ChannelIsFrozen
//! #       | ChatError::SocketProfanityMessageBlocked | ChatError::SocketBannedUrlsBlocked | ChatError::SocketRestrictedDomainBlocked
//! #       | ChatError::SocketModeratedFileBlocked | ChatError::SocketEnterDeletedChannel | ChatError::SocketBlockedUserReceiveMessageNotAllowed
//! #       | ChatError::ReceiverUserDeactivated | ChatError::SocketWrongChannelType | ChatError::SocketBannedUserSendMessageNotAllowed
//! #       | ChatError::UnknownServerError | ChatError::SocketMessageNotFound | ChatError::SocketTooManyParticipants
//! #       | ChatError::SocketChannelNotFound | ChatError::NotSupportedFeatureInInReviewMessage
//! #       => "see the entry",
//!         // ... one arm per code (hidden here) ...
//!     }
//! }
//! assert_eq!(advice(ChatError::RateLimitExceeded), "slow down");
//! ```
#![allow(deprecated)] // the generated code refers to every variant, retired ones included

include!(concat!(env!("OUT_DIR"), "/sendbird_chat.rs"));
crate::entry::impl_table!(crate::Table::SendbirdChat, integer);
