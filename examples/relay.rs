//! A small service that relays a chat vendor's errors to its own clients as RFC 9457 Problem
//! Details, in front of a mock vendor. Everything runs on 127.0.0.1 and stops by itself:
//!
//! ```sh
//! cargo run --example relay --features http
//! ```
//!
//! 1. The mock vendor answers `POST /v3/messages` as CometChat's REST API does when rate
//!    limited: 429, `Retry-After`, `X-Rate-Limit-*` and an `ERR_TOO_MANY_REQUESTS` body.
//! 2. The relay's `POST /messages` calls the vendor with reqwest, classifies the answer with
//!    `chat_error_codes::response::from_status` and returns `application/problem+json`, its
//!    `type` pointing at the relay's own error pages (`ERROR_PAGES`; without
//!    `with_type_base` it is the entry's rustdoc page), the delay within the default bounds.
//! 3. `main` calls the relay once, prints both answers and shuts both servers down.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use chat_error_codes::{
    Table,
    response::{self, UnixTime},
};

/// Where the relay documents its problem types: `<ERROR_PAGES><table>/<code>`.
const ERROR_PAGES: &str = "https://errors.example.com/chat/";

/// The vendor's base URL, for the relay.
#[derive(Clone)]
struct Vendor {
    base: String,
    client: reqwest::Client,
}

/// The mock vendor: CometChat's answer to a client over its rate limit.
async fn vendor_send_message() -> Response {
    let reset = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() + 15)
        .unwrap_or(0);
    let mut headers = HeaderMap::new();
    headers.insert("content-type", "application/json".parse().unwrap());
    headers.insert("retry-after", "15".parse().unwrap());
    headers.insert("x-rate-limit", "700".parse().unwrap());
    headers.insert("x-rate-limit-remaining", "0".parse().unwrap());
    headers.insert("x-rate-limit-reset", reset.to_string().parse().unwrap());
    let body = r#"{"error":{"code":"ERR_TOO_MANY_REQUESTS","message":"Too many requests. Please retry after some time."}}"#;
    (StatusCode::TOO_MANY_REQUESTS, headers, body).into_response()
}

/// The relay: forward the call; relay a vendor error as Problem Details.
async fn relay_send_message(State(vendor): State<Vendor>) -> Response {
    let url = format!("{}/v3/messages", vendor.base);
    let reply = match vendor.client.post(&url).send().await {
        Ok(reply) => reply,
        Err(e) => return (StatusCode::BAD_GATEWAY, e.to_string()).into_response(),
    };
    let status = reply.status();
    let headers = reply.headers().clone();
    let body = reply.bytes().await.unwrap_or_default();
    if status.is_success() {
        return (status, body).into_response();
    }
    // The vendor's status, headers and body in; a decision and Problem Details out.
    let classified = response::from_status(Some(Table::CometChatRest), status, &headers, &body);
    eprintln!(
        "relay: vendor said {status}; decision: {}",
        classified.decision(UnixTime::now())
    );
    classified
        .problem(UnixTime::now())
        .with_instance("/messages")
        .with_type_base(ERROR_PAGES)
        .to_http_response()
        .into_response()
}

/// Serves `app` on 127.0.0.1 (a free port) until `stop` fires; returns the base URL.
async fn start(
    app: Router,
    stop: tokio::sync::oneshot::Receiver<()>,
) -> (String, tokio::task::JoinHandle<std::io::Result<()>>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let server = tokio::spawn(async move {
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = stop.await;
            })
            .await
    });
    (base, server)
}

async fn print_reply(title: &str, reply: reqwest::Response) {
    println!("== {title}: {}", reply.status());
    for (name, value) in reply.headers() {
        println!("{name}: {}", value.to_str().unwrap_or("<not text>"));
    }
    println!();
    println!("{}\n", reply.text().await.unwrap_or_default());
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let client = reqwest::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();

    let (stop_vendor, vendor_stopped) = tokio::sync::oneshot::channel();
    let vendor_app = Router::new().route("/v3/messages", post(vendor_send_message));
    let (vendor_base, vendor_server) = start(vendor_app, vendor_stopped).await;

    let (stop_relay, relay_stopped) = tokio::sync::oneshot::channel();
    let relay_app = Router::new()
        .route("/messages", post(relay_send_message))
        .with_state(Vendor {
            base: vendor_base.clone(),
            client: client.clone(),
        });
    let (relay_base, relay_server) = start(relay_app, relay_stopped).await;

    // What the vendor answers (called directly, for the printout) ...
    let direct = client
        .post(format!("{vendor_base}/v3/messages"))
        .send()
        .await
        .unwrap();
    print_reply("the vendor's response", direct).await;
    // ... and what the relay makes of it.
    let relayed = client
        .post(format!("{relay_base}/messages"))
        .send()
        .await
        .unwrap();
    print_reply("the relay's response", relayed).await;

    let _ = stop_relay.send(());
    let _ = stop_vendor.send(());
    for server in [relay_server, vendor_server] {
        let _ = tokio::time::timeout(Duration::from_secs(5), server).await;
    }
}
