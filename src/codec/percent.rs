//! Percent-encoding for URL parameter values (`application/x-www-form-urlencoded` style).

/// Encodes text for a parameter value: letters, digits and `-._~` stay, a space becomes `+`,
/// every other byte becomes `%XX`.
#[must_use]
pub fn encode(text: &str) -> String {
    encode_keeping(text, b"")
}

/// Encodes a list value whose separators `,` and `@` read fine in a fragment and mean nothing
/// else there (`season=1,1,2`, `reps=15,5@25`): like [`encode`], but keeping those two.
#[must_use]
pub fn encode_list(text: &str) -> String {
    encode_keeping(text, b",@")
}

/// Encodes text, keeping the unreserved bytes and those in `keep`.
fn encode_keeping(text: &str, keep: &[u8]) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(char::from(byte));
            }
            _ if keep.contains(&byte) => out.push(char::from(byte)),
            b' ' => out.push('+'),
            _ => {
                const HEX: &[u8; 16] = b"0123456789ABCDEF";
                out.push('%');
                out.push(char::from(HEX[usize::from(byte >> 4)]));
                out.push(char::from(HEX[usize::from(byte & 0xf)]));
            }
        }
    }
    out
}

/// Decodes a parameter value: `+` is a space, `%XX` a byte. Returns `None` for a broken
/// escape or bytes that are not UTF-8.
#[must_use]
pub fn decode(raw: &str) -> Option<String> {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let high = hex_value(*bytes.get(i + 1)?)?;
                let low = hex_value(*bytes.get(i + 2)?)?;
                out.push(high << 4 | low);
                i += 2;
            }
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

/// Returns the value of one hexadecimal digit.
fn hex_value(digit: u8) -> Option<u8> {
    match digit {
        b'0'..=b'9' => Some(digit - b'0'),
        b'a'..=b'f' => Some(digit - b'a' + 10),
        b'A'..=b'F' => Some(digit - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn encodes_what_urls_require() {
        assert_eq!(encode("Closed won"), "Closed+won");
        assert_eq!(encode("a,b:c"), "a%2Cb%3Ac");
        assert_eq!(encode("R&D+1"), "R%26D%2B1");
        assert_eq!(encode("Caf\u{e9}"), "Caf%C3%A9");
    }

    #[test]
    fn decodes_plus_and_escapes_and_refuses_broken_ones() {
        assert_eq!(decode("Closed+won").as_deref(), Some("Closed won"));
        assert_eq!(decode("Closed%20won").as_deref(), Some("Closed won"));
        assert_eq!(decode("a%2cb").as_deref(), Some("a,b"));
        assert_eq!(decode("100%"), None);
        assert_eq!(decode("%zz"), None);
        assert_eq!(decode("%FF"), None);
    }

    proptest! {
        #[test]
        fn decode_inverts_encode(text in any::<String>()) {
            prop_assert_eq!(decode(&encode(&text)), Some(text));
        }

        #[test]
        fn decode_never_panics(raw in any::<String>()) {
            let _ = decode(&raw);
        }
    }
}
