//! A validator for the subset of JSON Schema (draft 2020-12) that `tests/fixtures/entry.schema.json`
//! uses: `type` (one name or a list), `enum`, `required`, `properties`,
//! `additionalProperties: false`, `items`, `prefixItems`, `minItems`, `maxItems`, `minimum`,
//! `maximum`. A keyword outside the subset fails the check, so the schema cannot silently grow
//! past what is checked.

use serde_json::Value;

/// The published schema of an entry.
pub fn entry_schema() -> Value {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/entry.schema.json"
    ))
    .unwrap();
    serde_json::from_str(&text).unwrap()
}

/// Every violation of `schema` by `value`, each with its JSON pointer.
pub fn violations(schema: &Value, value: &Value) -> Vec<String> {
    let mut out = Vec::new();
    check(schema, value, "", &mut out);
    out
}

const KEYWORDS: &[&str] = &[
    "$schema",
    "$id",
    "title",
    "description",
    "type",
    "enum",
    "required",
    "properties",
    "additionalProperties",
    "items",
    "prefixItems",
    "minItems",
    "maxItems",
    "minimum",
    "maximum",
];

fn check(schema: &Value, value: &Value, at: &str, out: &mut Vec<String>) {
    let schema = schema.as_object().expect("a schema is an object");
    for key in schema.keys() {
        assert!(
            KEYWORDS.contains(&key.as_str()),
            "unsupported keyword {key} at {at}"
        );
    }
    if let Some(t) = schema.get("type") {
        let names: Vec<&str> = match t {
            Value::String(s) => vec![s.as_str()],
            Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
            _ => panic!("bad type at {at}"),
        };
        if !names.iter().any(|n| is_type(value, n)) {
            out.push(format!("{at}: {value} is not {names:?}"));
            return;
        }
    }
    if let Some(Value::Array(allowed)) = schema.get("enum") {
        if !allowed.contains(value) {
            out.push(format!("{at}: {value} is not one of the enum"));
        }
    }
    check_number(schema, value, at, out);
    check_object(schema, value, at, out);
    check_array(schema, value, at, out);
}

fn is_type(value: &Value, name: &str) -> bool {
    match name {
        "string" => value.is_string(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        "boolean" => value.is_boolean(),
        "null" => value.is_null(),
        "object" => value.is_object(),
        "array" => value.is_array(),
        _ => panic!("unknown type {name}"),
    }
}

fn check_number(
    schema: &serde_json::Map<String, Value>,
    value: &Value,
    at: &str,
    out: &mut Vec<String>,
) {
    let Some(n) = value.as_f64() else { return };
    if schema
        .get("minimum")
        .and_then(Value::as_f64)
        .is_some_and(|min| n < min)
    {
        out.push(format!("{at}: {n} is below the minimum"));
    }
    if schema
        .get("maximum")
        .and_then(Value::as_f64)
        .is_some_and(|max| n > max)
    {
        out.push(format!("{at}: {n} is above the maximum"));
    }
}

fn check_object(
    schema: &serde_json::Map<String, Value>,
    value: &Value,
    at: &str,
    out: &mut Vec<String>,
) {
    let Some(object) = value.as_object() else {
        return;
    };
    let properties = schema.get("properties").and_then(Value::as_object);
    for name in schema
        .get("required")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let name = name.as_str().unwrap();
        if !object.contains_key(name) {
            out.push(format!("{at}: `{name}` is missing"));
        }
    }
    for (name, member) in object {
        match properties.and_then(|p| p.get(name)) {
            Some(sub) => check(sub, member, &format!("{at}/{name}"), out),
            None if schema.get("additionalProperties") == Some(&Value::Bool(false)) => {
                out.push(format!("{at}: `{name}` is not in the schema"));
            }
            None => {}
        }
    }
}

fn check_array(
    schema: &serde_json::Map<String, Value>,
    value: &Value,
    at: &str,
    out: &mut Vec<String>,
) {
    let Some(items) = value.as_array() else {
        return;
    };
    let len = items.len() as u64;
    if schema
        .get("minItems")
        .and_then(Value::as_u64)
        .is_some_and(|min| len < min)
    {
        out.push(format!("{at}: {len} items, fewer than the minimum"));
    }
    if schema
        .get("maxItems")
        .and_then(Value::as_u64)
        .is_some_and(|max| len > max)
    {
        out.push(format!("{at}: {len} items, more than the maximum"));
    }
    let prefix = schema.get("prefixItems").and_then(Value::as_array);
    for (i, item) in items.iter().enumerate() {
        let sub = prefix
            .and_then(|p| p.get(i))
            .or_else(|| schema.get("items"));
        if let Some(sub) = sub {
            check(sub, item, &format!("{at}/{i}"), out);
        }
    }
}
