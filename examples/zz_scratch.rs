use chat_error_codes::payload;
fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "json")).collect();
    files.sort();
    for p in files {
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&p).unwrap();
        let named = if name.starts_with("stream") { payload::parse_stream(&text) } else if name.starts_with("sendbird") { payload::parse_sendbird(&text) } else if name.starts_with("agora") { payload::parse_agora(&text) } else { payload::parse_exception(&text) };
        let named = match named { Ok(p) => format!("{} {}/{} {:?} [{}]", p.shape(), p.canonical(), p.recovery(), p.retry_after().map(|d| d.as_secs()), p.resolution()), Err(e) => format!("ERR {e}") };
        let detected = match payload::parse(&text) { Ok(p) => format!("{}", p.shape()), Err(e) => format!("ERR {}", e.to_string().chars().take(60).collect::<String>()) };
        let short: String = text.chars().take(110).collect();
        println!("{name}\t{named}\t| {detected}\t| {short}");
    }
}
