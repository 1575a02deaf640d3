//! Shape detection on every captured object of the six SDKs, without a hint: the right vendor,
//! a transport error (no vendor), or a refusal; never another vendor.

use chat_error_codes::Vendor;
use chat_error_codes::payload::{self, PayloadError, Shape};

use crate::fixtures;

/// The vendor whose payload `shape` is; `None` for a transport error.
fn vendor_of(shape: Shape) -> Option<Vendor> {
    Some(match shape {
        Shape::CometChatRest | Shape::CometChatCalls | Shape::CometChatException => {
            Vendor::CometChat
        }
        Shape::AgoraErrorEvent | Shape::AgoraRest => Vendor::Agora,
        Shape::GenesysEventError => Vendor::Genesys,
        Shape::Stream => Vendor::Stream,
        Shape::SendbirdPlatform | Shape::SendbirdError => Vendor::Sendbird,
        Shape::TencentRest | Shape::TencentError => Vendor::Tencent,
        Shape::ZegoZimError => Vendor::Zego,
        Shape::TwilioRest | Shape::TwilioServiceException | Shape::Twilsock => Vendor::Twilio,
        Shape::AblyRest | Shape::AblyErrorInfo => Vendor::Ably,
        Shape::TransportError => return None,
        other => panic!("a shape this test does not know: {other}"),
    })
}

/// The vendor of the SDK that produced a fixture, by its file name.
fn vendor_of_file(file: &str) -> Vendor {
    match file.split('_').next() {
        Some("cometchat") => Vendor::CometChat,
        Some("agora") => Vendor::Agora,
        Some("stream") => Vendor::Stream,
        Some("sendbird") => Vendor::Sendbird,
        Some("tencent") => Vendor::Tencent,
        Some("zego") => Vendor::Zego,
        Some("twilio") => Vendor::Twilio,
        Some("ably") => Vendor::Ably,
        _ => panic!("{file}"),
    }
}

#[test]
fn detection_never_names_the_wrong_vendor() {
    let mut all = fixtures::objects(&fixtures::root());
    all.extend(fixtures::objects(&fixtures::stream_sendbird()));
    all.extend(fixtures::objects(&fixtures::tencent_zego()));
    all.extend(fixtures::objects(&fixtures::twilio_ably()));
    let (mut right, mut transport, mut refused, mut wrong) = (0, 0, 0, Vec::new());
    for (file, text) in &all {
        let vendor = vendor_of_file(file);
        match payload::parse(text) {
            Ok(p) => match vendor_of(p.shape()) {
                Some(v) if v == vendor => right += 1,
                None => transport += 1,
                Some(v) => wrong.push(format!("{file} ({vendor}) detected as {v}: {text}")),
            },
            Err(PayloadError::Ambiguous { candidates, .. }) => {
                let names_it = candidates.iter().any(|&c| vendor_of(c) == Some(vendor));
                assert!(
                    names_it,
                    "{file}: the refusal does not name {vendor}: {text}"
                );
                refused += 1;
            }
            Err(PayloadError::UnknownShape { .. }) => refused += 1,
            Err(e) => panic!("{file}: {e}: {text}"),
        }
    }
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    eprintln!(
        "{} objects: {right} right, {transport} transport errors, {refused} refused",
        all.len()
    );
    assert!(right >= all.len() / 2, "{right} of {} detected", all.len());
}
