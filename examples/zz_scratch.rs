use chat_error_codes::payload;
fn main() {
    let inputs: Vec<String> = std::env::args().skip(1).collect();
    for input in &inputs {
        for (name, parser) in [("parse", payload::parse as for<'a> fn(&'a str) -> Result<payload::ParsedError<'a>, payload::PayloadError>), ("stream", payload::parse_stream), ("sendbird", payload::parse_sendbird), ("exception", payload::parse_exception), ("agora", payload::parse_agora)] {
            match parser(input) {
                Ok(p) => {
                    let json = serde_json::to_string(&p).unwrap();
                    println!("{name}: shape={} code={:?} name={:?} res={} class={}/{} ser={json}", p.shape(), p.code(), p.name(), p.resolution(), p.canonical(), p.recovery());
                }
                Err(e) => println!("{name}: ERR {e}"),
            }
        }
    }
}
