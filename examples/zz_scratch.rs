use chat_error_codes::payload;
use std::collections::BTreeMap;
fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let exp: BTreeMap<String, Vec<String>> = std::fs::read_to_string(format!("{dir}/expected.tsv")).unwrap().lines().skip(1).map(|l| { let c: Vec<String> = l.split('\t').map(String::from).collect(); (c[0].clone(), c) }).collect();
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "json")).collect();
    files.sort();
    let (mut ok, mut bad, mut det_wrong, mut refused) = (0, 0, 0, 0);
    for p in files {
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&p).unwrap();
        let r = if name.starts_with("stream") { payload::parse_stream(&text) } else { payload::parse_sendbird(&text) };
        let e = &exp[&name];
        match r {
            Ok(p) => {
                let got = (p.canonical().to_string(), p.recovery().to_string(), p.retry_after().map(|d| d.as_secs().to_string()).unwrap_or("-".into()));
                if (got.0.as_str(), got.1.as_str(), got.2.as_str()) == (e[1].as_str(), e[2].as_str(), e[3].as_str()) { ok += 1 } else { bad += 1; println!("{name}\twant {}/{}/{}\tgot {}/{}/{}\t[{}]\t{}\t{}", e[1], e[2], e[3], got.0, got.1, got.2, p.resolution(), e.get(4).map(|s| s.as_str()).unwrap_or(""), text.chars().take(160).collect::<String>()); }
            }
            Err(err) => { bad += 1; println!("{name}\tERR {err}"); }
        }
        let vendor = if name.starts_with("stream") { "stream" } else { "sendbird" };
        match payload::parse(&text) {
            Ok(p) => { let s = p.shape().to_string(); if !(s.starts_with(vendor) || s == "transport_error") { det_wrong += 1; println!("DETECT-WRONG {name} {s}"); } }
            Err(_) => refused += 1,
        }
    }
    println!("ok {ok} bad {bad} detect-wrong {det_wrong} refused {refused}");
}
