//! The self-service pages in a real browser: headless Chromium driven over WebDriver
//! (chromedriver, fantoccini) opens a quarantine notification's release link, clicks the
//! button, and the message arrives in the mailbox. Needs Debian's chromium and
//! chromium-driver (a skip without them, a failure in CI).

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use crate::selfservice::{delivered, digest, link, start};
use crate::support::relay::{free_port, have, wait_until};
use crate::support::smtp::Client;

const SPAM: &str = "From: Prize <win@prizes.example>\r\nTo: bob@contoso.test\r\nSubject: Claim your prize\r\nContent-Type: text/html\r\n\r\n<p>Act now, winner!</p><div style=\"display:none\">x</div><a href=\"http://203.0.113.9/win\">win</a>\r\n";

/// chromedriver on a loopback port, stopped when dropped.
struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn a_browser_releases_a_message_from_its_digest_link() {
    if !(have("chromium") && have("chromedriver")) {
        eprintln!("skipped: chromium and chromedriver are not installed");
        return;
    }
    let (_dir, _state, relay, _web) = start(free_port());
    let mut c = Client::hello(relay.addr());
    assert!(
        c.send("win@prizes.example", &["bob@contoso.test"], SPAM)
            .starts_with("250")
    );
    let secs = Duration::from_secs(15);
    assert!(
        wait_until(secs, || digest(&relay, "bob@contoso.test").is_some()),
        "{}",
        relay.log_text()
    );
    let release = link(&digest(&relay, "bob@contoso.test").unwrap(), "Release").unwrap();

    let port = free_port();
    let profile = tempfile::tempdir().unwrap();
    let _driver = Driver(
        Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver"),
    );
    assert!(wait_until(secs, || std::net::TcpStream::connect((
        "127.0.0.1",
        port
    ))
    .is_ok()));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    // fantoccini's HTTP client uses rustls: the same provider as the relay.
    let _ = tokio_rustls::rustls::crypto::ring::default_provider().install_default();
    let page = runtime.block_on(async {
        tokio::time::timeout(Duration::from_secs(60), async {
            let mut caps = serde_json::Map::new();
            caps.insert(
                "goog:chromeOptions".into(),
                serde_json::json!({
                    "binary": "/usr/bin/chromium",
                    "args": [
                        "--headless", "--no-sandbox", "--disable-gpu",
                        "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--no-first-run",
                        format!("--user-data-dir={}", profile.path().display()),
                    ]
                }),
            );
            let browser = fantoccini::ClientBuilder::rustls()
                .expect("TLS roots")
                .capabilities(caps)
                .connect(&format!("http://127.0.0.1:{port}"))
                .await
                .expect("a WebDriver session");
            browser.goto(&release).await.unwrap();
            let asked = browser.source().await.unwrap();
            browser
                .find(fantoccini::Locator::Css("form button[type=submit]"))
                .await
                .unwrap()
                .click()
                .await
                .unwrap();
            // The answer page replaces the confirmation: poll its heading (bounded).
            let mut heading = String::new();
            for _ in 0..100 {
                if let Ok(h) = browser.find(fantoccini::Locator::Css("h1")).await {
                    heading = h.text().await.unwrap_or_default();
                }
                if heading != "Release?" {
                    break;
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            browser.close().await.unwrap();
            (asked, heading)
        })
        .await
        .expect("the browser finished in time")
    });
    assert!(page.0.contains("Release?"), "{}", page.0);
    assert_eq!(page.1, "Released");
    assert!(
        wait_until(secs, || delivered(&relay, "bob@contoso.test")),
        "{}",
        relay.log_text()
    );
}
