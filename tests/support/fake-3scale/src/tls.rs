//! A throw-away certificate authority and a server certificate it signs, made at start.

use openssl::asn1::Asn1Time;
use openssl::bn::{BigNum, MsbOption};
use openssl::ec::{EcGroup, EcKey};
use openssl::error::ErrorStack;
use openssl::hash::MessageDigest;
use openssl::nid::Nid;
use openssl::pkey::{PKey, Private};
use openssl::ssl::{SslAcceptor, SslMethod};
use openssl::x509::extension::{
    AuthorityKeyIdentifier, BasicConstraints, ExtendedKeyUsage, KeyUsage, SubjectAlternativeName,
    SubjectKeyIdentifier,
};
use openssl::x509::{X509Builder, X509NameBuilder, X509};

/// The CA and the server's certificate and key.
pub struct Certificates {
    pub ca_pem: Vec<u8>,
    pub cert: X509,
    pub key: PKey<Private>,
}

fn key() -> Result<PKey<Private>, ErrorStack> {
    let group = EcGroup::from_curve_name(Nid::X9_62_PRIME256V1)?;
    PKey::from_ec_key(EcKey::generate(&group)?)
}

fn serial() -> Result<openssl::asn1::Asn1Integer, ErrorStack> {
    let mut bn = BigNum::new()?;
    bn.rand(127, MsbOption::MAYBE_ZERO, false)?;
    bn.to_asn1_integer()
}

/// Makes a CA named `common_name` and a server certificate for `names` (DNS names, wildcards
/// such as `*.apps.example.com`, or IP addresses).
pub fn generate(common_name: &str, names: &[String]) -> Result<Certificates, ErrorStack> {
    let ca_key = key()?;
    let mut ca_name = X509NameBuilder::new()?;
    ca_name.append_entry_by_text("O", "fake-3scale")?;
    ca_name.append_entry_by_text("CN", common_name)?;
    let ca_name = ca_name.build();
    let mut b = X509Builder::new()?;
    b.set_version(2)?;
    let serial_number = serial()?;
    b.set_serial_number(&serial_number)?;
    b.set_subject_name(&ca_name)?;
    b.set_issuer_name(&ca_name)?;
    b.set_pubkey(&ca_key)?;
    let not_before = Asn1Time::days_from_now(0)?;
    b.set_not_before(&not_before)?;
    let not_after = Asn1Time::days_from_now(30)?;
    b.set_not_after(&not_after)?;
    b.append_extension(BasicConstraints::new().critical().ca().build()?)?;
    b.append_extension(
        KeyUsage::new()
            .critical()
            .key_cert_sign()
            .crl_sign()
            .build()?,
    )?;
    let ski = SubjectKeyIdentifier::new().build(&b.x509v3_context(None, None))?;
    b.append_extension(ski)?;
    b.sign(&ca_key, MessageDigest::sha256())?;
    let ca = b.build();

    let key = key()?;
    let mut name = X509NameBuilder::new()?;
    name.append_entry_by_text("O", "fake-3scale")?;
    name.append_entry_by_text(
        "CN",
        names.first().map(String::as_str).unwrap_or("localhost"),
    )?;
    let name = name.build();
    let mut b = X509Builder::new()?;
    b.set_version(2)?;
    let serial_number = serial()?;
    b.set_serial_number(&serial_number)?;
    b.set_subject_name(&name)?;
    b.set_issuer_name(ca.subject_name())?;
    b.set_pubkey(&key)?;
    let not_before = Asn1Time::days_from_now(0)?;
    b.set_not_before(&not_before)?;
    let not_after = Asn1Time::days_from_now(30)?;
    b.set_not_after(&not_after)?;
    b.append_extension(BasicConstraints::new().build()?)?;
    b.append_extension(
        KeyUsage::new()
            .critical()
            .digital_signature()
            .key_encipherment()
            .build()?,
    )?;
    b.append_extension(ExtendedKeyUsage::new().server_auth().build()?)?;
    let mut san = SubjectAlternativeName::new();
    for n in names {
        if n.parse::<std::net::IpAddr>().is_ok() {
            san.ip(n);
        } else {
            san.dns(n);
        }
    }
    let san = san.build(&b.x509v3_context(Some(&ca), None))?;
    b.append_extension(san)?;
    let ski = SubjectKeyIdentifier::new().build(&b.x509v3_context(Some(&ca), None))?;
    b.append_extension(ski)?;
    let aki = AuthorityKeyIdentifier::new()
        .keyid(false)
        .build(&b.x509v3_context(Some(&ca), None))?;
    b.append_extension(aki)?;
    b.sign(&ca_key, MessageDigest::sha256())?;
    let cert = b.build();
    Ok(Certificates {
        ca_pem: ca.to_pem()?,
        cert,
        key,
    })
}

pub fn acceptor(certs: &Certificates) -> Result<SslAcceptor, ErrorStack> {
    let mut b = SslAcceptor::mozilla_intermediate_v5(SslMethod::tls())?;
    b.set_private_key(&certs.key)?;
    b.set_certificate(&certs.cert)?;
    b.check_private_key()?;
    Ok(b.build())
}
