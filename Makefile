# Funnel Planner. Quick start: `make serve`, `make test`. See README.md.
#
# Every tool is installed here when missing or at the wrong version, so a fresh machine needs
# nothing else. Versions are pinned: Trunk.toml names the same ones, and Trunk never downloads.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

TRUNK_VERSION := 0.21.14
# Must equal the wasm-bindgen version in Cargo.lock (Cargo.toml pins it with `=`).
WASM_BINDGEN_VERSION := 0.2.130
BINARYEN_VERSION := 132
# The release wasm alone is built with this nightly, pinned by date: it rebuilds std for size
# with immediate-abort panics (README, "Size and speed"). Tests and clippy use stable.
NIGHTLY := nightly-2026-05-20
NIGHTLY_RUSTC := rustc 1.97.0-nightly (e50aa6fba 2026-05-19)
WASM_TARGET := wasm32-unknown-unknown
CHROMIUM := /usr/bin/chromium
CHROMEDRIVER := /usr/bin/chromedriver
HOST := 127.0.0.1
PORT ?= 8080

export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

SOURCES := $(shell find src style -type f) index.html boot.js sw.js Cargo.toml Cargo.lock Trunk.toml .ci/minify-js.mjs .ci/stamp-sw.mjs

.PHONY: help tools tool-rust tool-nightly tool-trunk tool-wasm-bindgen tool-node tool-chromium \
	serve dist test test-native test-wasm test-e2e size bench lint fmt clean screenshot

help:
	@echo "make serve   build and serve on http://$(HOST):$(PORT)/"
	@echo "make test    every test: native, wasm in Chromium, end-to-end"
	@echo "make dist    write the static site to dist/"
	@echo "make size    dist/ sizes raw, gzip, brotli"
	@echo "make bench   first-result time, input-to-paint time and memory in headless Chromium"
	@echo "make lint    rustfmt check and clippy for host and wasm32"

# ---- tools ---------------------------------------------------------------------------------

tools: tool-rust tool-nightly tool-trunk tool-wasm-bindgen tool-node tool-chromium

tool-rust:
	@command -v cargo >/dev/null || { echo "cargo is missing: install Rust with rustup first"; exit 1; }
	@rustup target list --installed | grep -qx '$(WASM_TARGET)' || rustup target add $(WASM_TARGET)

tool-nightly: tool-rust
	@{ rustup toolchain list | grep -q '^$(NIGHTLY)-' \
	   && [ "$$(rustup run $(NIGHTLY) rustc --version)" = '$(NIGHTLY_RUSTC)' ] \
	   && rustup component list --toolchain $(NIGHTLY) --installed | grep -qx 'rust-src' \
	   && rustup target list --toolchain $(NIGHTLY) --installed | grep -qx '$(WASM_TARGET)'; } \
		|| rustup toolchain install $(NIGHTLY) --profile minimal --component rust-src \
		     --target $(WASM_TARGET)

tool-trunk:
	@trunk --version 2>/dev/null | grep -qx 'trunk $(TRUNK_VERSION)' \
		|| { echo "Installing trunk $(TRUNK_VERSION) (about 11 minutes on 2 cores)"; \
		     cargo install trunk --version $(TRUNK_VERSION) --locked; }

# Without --locked: the registry lacks one dependency version the CLI's lock file names.
tool-wasm-bindgen:
	@locked=$$(grep -A1 '^name = "wasm-bindgen"$$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p'); \
	 [ "$$locked" = '$(WASM_BINDGEN_VERSION)' ] \
		|| { echo "Cargo.lock has wasm-bindgen $$locked, the Makefile $(WASM_BINDGEN_VERSION)"; exit 1; }
	@wasm-bindgen --version 2>/dev/null | grep -qx 'wasm-bindgen $(WASM_BINDGEN_VERSION)' \
		|| { echo "Installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (about 2 minutes)"; \
		     cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); }

# wasm-opt comes from npm's binaryen (Debian's is too old); playwright-core drives Chromium.
tool-node:
	@command -v npm >/dev/null || { $(SUDO) apt-get update && $(SUDO) apt-get install -y nodejs npm; }
	@{ wasm-opt --version 2>/dev/null | grep -q 'version $(BINARYEN_VERSION)' \
	   && [ -f node_modules/playwright-core/package.json ] \
	   && [ node_modules/.package-lock.json -nt package-lock.json ]; } \
		|| npm ci --no-audit --no-fund

tool-chromium:
	@{ [ -x $(CHROMIUM) ] && [ -x $(CHROMEDRIVER) ]; } \
		|| { $(SUDO) apt-get update && $(SUDO) apt-get install -y chromium chromium-driver; }

# ---- build ---------------------------------------------------------------------------------

dist: dist/index.html

# The release wasm: std rebuilt by the pinned nightly with `optimize_for_size` and panics that
# abort at once (no message formatting; the page has no panic hook, so nothing visible changes).
# Trunk runs cargo offline, so std's own dependencies are fetched first (offline when cached).
RELEASE_WASM_ENV := RUSTUP_TOOLCHAIN=$(NIGHTLY) \
	CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
	CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS='-Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none'

dist/index.html: $(SOURCES) | tool-rust tool-nightly tool-trunk tool-wasm-bindgen tool-node
	$(RELEASE_WASM_ENV) cargo fetch --target $(WASM_TARGET) --offline 2>/dev/null \
		|| $(RELEASE_WASM_ENV) cargo fetch --target $(WASM_TARGET)
	$(RELEASE_WASM_ENV) trunk build --release
	node .ci/minify-js.mjs dist
	node .ci/stamp-sw.mjs dist

serve: dist
	node tests/e2e/serve.mjs dist $(PORT)

# ---- tests ---------------------------------------------------------------------------------

test: test-native test-wasm test-e2e

test-native: tool-rust
	cargo test --lib

# wasm-bindgen-test in Chromium through chromedriver; webdriver.json passes the headless flags.
test-wasm: tool-rust tool-wasm-bindgen tool-chromium
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	CHROMEDRIVER=$(CHROMEDRIVER) \
	cargo test --target $(WASM_TARGET) --test web

test-e2e: dist tool-node tool-chromium
	node --test --test-concurrency=1 tests/e2e/

# ---- reports -------------------------------------------------------------------------------

size: dist
	node tests/bench/size.mjs dist

bench: dist tool-node tool-chromium
	node tests/bench/first-result.mjs dist
	node tests/bench/input-paint.mjs dist
	node tests/bench/compare.mjs dist

lint: tool-rust
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target $(WASM_TARGET) --lib --bins --test web -- -D warnings

fmt:
	cargo fmt

clean:
	rm -rf dist target

screenshot: dist tool-node tool-chromium
	node tests/e2e/screenshot.mjs
