//! What the vendors' SDKs really hand to an application: the captured corpora in
//! `tests/fixtures/sdk-traffic/` (made by `tools/sdk-capture`, see its README), each object
//! parsed with the shape of the channel it came on and compared with a table of expected classes
//! decided by hand; shape detection measured on every vendor's objects at once; the raw
//! responses of the capture's loopback mock classified as HTTP responses.
#![cfg(feature = "json")]

mod cometchat_agora;
mod detection;
mod fixtures;
#[cfg(feature = "std")]
mod http;
mod stream_sendbird;
mod tencent_zego;
mod twilio_ably;
