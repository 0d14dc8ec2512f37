//! A tiny authoritative DNS server over UDP on loopback, answering MX, A and TXT queries
//! from a table; any other name is NXDOMAIN. Enough for the relay's MX lookups, DNS block
//! lists (A records under a zone) and sender authentication (SPF, DKIM and DMARC TXT).

use std::collections::HashMap;
use std::net::{Ipv4Addr, SocketAddr, UdpSocket};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

pub struct Dns {
    pub addr: SocketAddr,
    stop: Arc<AtomicBool>,
}

#[derive(Default, Clone)]
pub struct Zone {
    pub mx: HashMap<String, Vec<(u16, String)>>,
    pub a: HashMap<String, Ipv4Addr>,
    pub txt: HashMap<String, Vec<String>>,
}

impl Zone {
    pub fn mx(mut self, domain: &str, pref: u16, host: &str) -> Self {
        self.mx
            .entry(domain.into())
            .or_default()
            .push((pref, host.into()));
        self
    }
    pub fn a(mut self, host: &str, ip: Ipv4Addr) -> Self {
        self.a.insert(host.into(), ip);
        self
    }
    pub fn txt(mut self, name: &str, text: &str) -> Self {
        self.txt.entry(name.into()).or_default().push(text.into());
        self
    }
}

fn name(out: &mut Vec<u8>, n: &str) {
    for label in n.trim_end_matches('.').split('.').filter(|l| !l.is_empty()) {
        out.push(label.len() as u8);
        out.extend_from_slice(label.as_bytes());
    }
    out.push(0);
}

fn answer(zone: &Zone, q: &[u8]) -> Option<Vec<u8>> {
    if q.len() < 12 {
        return None;
    }
    let mut i = 12;
    let mut labels = Vec::new();
    while *q.get(i)? != 0 {
        let len = q[i] as usize;
        labels.push(String::from_utf8_lossy(q.get(i + 1..i + 1 + len)?).to_ascii_lowercase());
        i += 1 + len;
    }
    let qname = labels.join(".");
    let qtype = u16::from_be_bytes([*q.get(i + 1)?, *q.get(i + 2)?]);
    let question = &q[12..i + 5];
    let mut records: Vec<(u16, Vec<u8>)> = Vec::new();
    let known = zone.mx.contains_key(&qname)
        || zone.a.contains_key(&qname)
        || zone.txt.contains_key(&qname);
    if qtype == 15 {
        for (pref, host) in zone.mx.get(&qname).into_iter().flatten() {
            let mut rd = pref.to_be_bytes().to_vec();
            name(&mut rd, host);
            records.push((15, rd));
        }
    } else if qtype == 1
        && let Some(ip) = zone.a.get(&qname)
    {
        records.push((1, ip.octets().to_vec()));
    } else if qtype == 16 {
        // One record per text, split in character-strings of at most 255 bytes.
        for text in zone.txt.get(&qname).into_iter().flatten() {
            let mut rd = Vec::new();
            for chunk in text.as_bytes().chunks(255) {
                rd.push(chunk.len() as u8);
                rd.extend_from_slice(chunk);
            }
            records.push((16, rd));
        }
    }
    let mut out = Vec::new();
    out.extend_from_slice(&q[..2]);
    let rcode: u8 = if known { 0 } else { 3 };
    out.extend_from_slice(&[0x85, 0x80 | rcode]);
    out.extend_from_slice(&1u16.to_be_bytes());
    out.extend_from_slice(&(records.len() as u16).to_be_bytes());
    out.extend_from_slice(&[0, 0, 0, 0]);
    out.extend_from_slice(question);
    for (t, rd) in records {
        name(&mut out, &qname);
        out.extend_from_slice(&t.to_be_bytes());
        out.extend_from_slice(&1u16.to_be_bytes());
        out.extend_from_slice(&60u32.to_be_bytes());
        out.extend_from_slice(&(rd.len() as u16).to_be_bytes());
        out.extend_from_slice(&rd);
    }
    Some(out)
}

impl Dns {
    pub fn start(zone: Zone) -> Dns {
        let sock = UdpSocket::bind("127.0.0.1:0").unwrap();
        sock.set_read_timeout(Some(Duration::from_millis(100)))
            .unwrap();
        let addr = sock.local_addr().unwrap();
        let stop = Arc::new(AtomicBool::new(false));
        let s = stop.clone();
        std::thread::spawn(move || {
            let start = std::time::Instant::now();
            let mut buf = [0u8; 1500];
            while !s.load(Ordering::SeqCst) && start.elapsed() < Duration::from_secs(120) {
                if let Ok((n, from)) = sock.recv_from(&mut buf)
                    && let Some(reply) = answer(&zone, &buf[..n])
                {
                    let _ = sock.send_to(&reply, from);
                }
            }
        });
        Dns { addr, stop }
    }
}

impl Drop for Dns {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}
