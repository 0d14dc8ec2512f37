//! A real OpenLDAP server (Debian's slapd) for directory synchronisation tests: its own
//! config and database in a temp directory, filled with `slapadd` before it starts, on a
//! loopback port; stopped when dropped.

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use super::relay::{free_port, have, wait_until};

pub const SUFFIX: &str = "dc=contoso,dc=test";
pub const ADMIN: &str = "cn=admin,dc=contoso,dc=test";
pub const ADMIN_PASSWORD: &str = "admin-secret";
/// The account the sync binds as: it may read the people, nothing else.
pub const SYNC: &str = "cn=sync,dc=contoso,dc=test";
pub const SYNC_PASSWORD: &str = "sync-secret";

/// Active Directory's proxyAddresses, for OpenLDAP (its OID is Active Directory's).
const PROXY_SCHEMA: &str = "attributetype ( 1.2.840.113556.1.2.210 NAME 'proxyAddresses'
  EQUALITY caseIgnoreMatch SUBSTR caseIgnoreSubstringsMatch
  SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 )
objectclass ( 1.3.6.1.4.1.99999.1 NAME 'mailRecipient' SUP top AUXILIARY MAY proxyAddresses )
";

pub struct Slapd {
    pub port: u16,
    dir: PathBuf,
    child: Option<std::process::Child>,
}

/// Whether slapd and the LDAP tools are here (CI must have them).
pub fn have_slapd() -> bool {
    have("slapd") && have("slapadd") && have("ldapdelete")
}

fn slapd_bin(name: &str) -> String {
    ["/usr/sbin/", "/usr/bin/"]
        .iter()
        .map(|d| format!("{d}{name}"))
        .find(|p| Path::new(p).exists())
        .unwrap_or_else(|| name.to_string())
}

impl Slapd {
    /// A directory with `ldif` (entries under ou=people) loaded, listening on loopback.
    pub fn start(dir: &Path, people: &str) -> Slapd {
        let dir = dir.join("slapd");
        std::fs::create_dir_all(dir.join("db")).unwrap();
        std::fs::write(dir.join("proxy.schema"), PROXY_SCHEMA).unwrap();
        let conf = format!(
            "include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
include {dir}/proxy.schema
modulepath /usr/lib/ldap
moduleload back_mdb
pidfile {dir}/slapd.pid
database mdb
maxsize 104857600
suffix \"{SUFFIX}\"
rootdn \"{ADMIN}\"
rootpw {ADMIN_PASSWORD}
directory {dir}/db
limits dn.exact=\"{SYNC}\" size.prtotal=unlimited
access to attrs=userPassword by anonymous auth by * none
access to * by dn.exact=\"{SYNC}\" read by * none
",
            dir = dir.display()
        );
        std::fs::write(dir.join("slapd.conf"), conf).unwrap();
        let base = format!(
            "dn: {SUFFIX}\nobjectClass: dcObject\nobjectClass: organization\no: Contoso\ndc: contoso\n\n\
             dn: {SYNC}\nobjectClass: person\nobjectClass: simpleSecurityObject\ncn: sync\nsn: sync\nuserPassword: {SYNC_PASSWORD}\n\n\
             dn: ou=people,{SUFFIX}\nobjectClass: organizationalUnit\nou: people\n\n{people}"
        );
        std::fs::write(dir.join("data.ldif"), base).unwrap();
        let out = Command::new(slapd_bin("slapadd"))
            .arg("-f")
            .arg(dir.join("slapd.conf"))
            .arg("-l")
            .arg(dir.join("data.ldif"))
            .arg("-q")
            .output()
            .expect("run slapadd");
        assert!(
            out.status.success(),
            "slapadd: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let mut s = Slapd {
            port: free_port(),
            dir,
            child: None,
        };
        s.run();
        s
    }

    /// Starts (again) in the foreground (`-d 0`), so dropping the handle stops it.
    pub fn run(&mut self) {
        let child = Command::new(slapd_bin("slapd"))
            .arg("-f")
            .arg(self.dir.join("slapd.conf"))
            .arg("-h")
            .arg(self.url())
            .args(["-d", "0"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start slapd");
        self.child = Some(child);
        let port = self.port;
        assert!(
            wait_until(Duration::from_secs(10), || TcpStream::connect((
                "127.0.0.1",
                port
            ))
            .is_ok()),
            "slapd did not listen on {port}"
        );
    }

    pub fn stop(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    pub fn url(&self) -> String {
        format!("ldap://127.0.0.1:{}/", self.port)
    }

    /// Deletes an entry as the administrator.
    pub fn delete(&self, dn: &str) {
        let out = Command::new("ldapdelete")
            .args([
                "-x",
                "-H",
                &self.url(),
                "-D",
                ADMIN,
                "-w",
                ADMIN_PASSWORD,
                dn,
            ])
            .output()
            .expect("run ldapdelete");
        assert!(
            out.status.success(),
            "ldapdelete: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

impl Drop for Slapd {
    fn drop(&mut self) {
        self.stop();
    }
}

/// `n` people u0..u{n-1}@contoso.test with `mail`, as LDIF.
pub fn people(n: usize) -> String {
    (0..n)
        .map(|i| {
            format!(
                "dn: uid=u{i},ou=people,{SUFFIX}\nobjectClass: inetOrgPerson\nuid: u{i}\ncn: User {i}\nsn: {i}\nmail: u{i}@contoso.test\n\n"
            )
        })
        .collect()
}
