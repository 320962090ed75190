//! `gather`: a support bundle of a 3scale install that never holds a secret.
//!
//! Redaction by construction: before anything else, every Secret of the project is read (reads
//! of secrets never reach the transcript) and every secret value is registered with the run's
//! redactor ([`known`]), with those of the credentials files on this machine ([`local`]). Every
//! file then enters the bundle through [`bundle::Bundle`], which masks it on the way in
//! ([`redact`]). Before the archive is written, every file is searched for every known value in
//! every encoding, those the redactor does not mask too ([`scan`]): a hit stops the gather and
//! names the file; nothing is written. The archive ([`archive`]) is written whole, mode 0600.
//!
//! What is read needs only a project admin's rights: the objects of the project ([`collect`])
//! and an overview of them ([`overview`]), the logs of its containers ([`logs`]), the cluster's
//! version, the user's rights and the storage classes ([`cluster`]), the diagnosis and the
//! install's `status` and `verify` documents ([`install`]), the install record and transcripts.
//! A read that fails is a note in the summary ([`summary`]), not a failed gather.

pub(crate) mod archive;
pub(crate) mod bundle;
pub(crate) mod cluster;
pub(crate) mod collect;
pub(crate) mod install;
pub(crate) mod known;
pub(crate) mod local;
pub(crate) mod logs;
pub(crate) mod overview;
pub(crate) mod redact;
pub(crate) mod scan;
pub(crate) mod summary;
