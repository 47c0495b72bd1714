//! The share link as a QR code, for the printed handout: an SVG path of the dark modules,
//! drawn by the page as vector graphics, so it prints crisp at any size.

use qrcode::{Color, EcLevel, QrCode};

/// A QR code of `text` as an SVG path (`M x y h 1 v 1 h -1 z` per dark module) and its width
/// in modules (without the quiet zone); `None` when the text is too long for any QR code.
/// Error correction is level L (7 %): the code stays as small as the link allows on paper.
#[must_use]
pub fn qr_path(text: &str) -> Option<(String, usize)> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::L).ok()?;
    let width = code.width();
    let mut path = String::new();
    for (k, color) in code.to_colors().into_iter().enumerate() {
        if color == Color::Dark {
            let (x, y) = (k % width, k / width);
            path.push('M');
            path.push_str(&x.to_string());
            path.push(' ');
            path.push_str(&y.to_string());
            path.push_str("h1v1h-1z");
        }
    }
    Some((path, width))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_becomes_a_square_of_modules() {
        let (path, width) = qr_path("https://example.org/#quota=1000000&deal=25000").unwrap();
        // Versions grow by 4 modules from 21.
        assert!(width >= 21 && (width - 21) % 4 == 0, "{width}");
        let modules = path.matches('M').count();
        assert!(
            modules > width * width / 4 && modules < width * width * 3 / 4,
            "{modules}"
        );
        // The three finder patterns: the top-left module is dark.
        assert!(path.starts_with("M0 0h1v1h-1z"));
    }

    #[test]
    fn a_long_link_still_fits_and_too_long_text_is_none() {
        let link = format!("https://example.org/#stages={}", "Stage:50,".repeat(40));
        assert!(qr_path(&link).is_some());
        assert!(qr_path(&"x".repeat(8_000)).is_none());
    }
}
