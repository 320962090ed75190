//! Storage: the ReadWriteMany class for `system-storage`. A StorageClass does not declare its
//! access modes, so capability is judged from the provisioner. Changes nothing.

use super::{Ctx, StepId};
use crate::failure::{Failure, FailureKind, Outcome};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RwxSupport {
    Known,
    /// Block storage: ReadWriteOnce only; a ReadWriteMany claim stays Pending.
    No,
    Unknown,
}

/// Provisioners known to bind ReadWriteMany claims (file systems).
const RWX_PROVISIONERS: &[&str] = &[
    "kubernetes.io/azure-file",
    "file.csi.azure.com",
    "openshift-storage.cephfs.csi.ceph.com",
    "cephfs.csi.ceph.com",
    "kubernetes.io/cephfs",
    "efs.csi.aws.com",
    "kubernetes.io/glusterfs",
    "nfs.csi.k8s.io",
    "filestore.csi.storage.gke.io",
    "manila.csi.openstack.org",
    "ibm.io/ibmc-file",
    "vpc.file.csi.ibm.io",
];

/// Provisioners of block volumes: ReadWriteOnce only.
const RWO_PROVISIONERS: &[&str] = &[
    "kubernetes.io/aws-ebs",
    "ebs.csi.aws.com",
    "kubernetes.io/azure-disk",
    "disk.csi.azure.com",
    "kubernetes.io/gce-pd",
    "pd.csi.storage.gke.io",
    "kubernetes.io/cinder",
    "cinder.csi.openstack.org",
    "kubernetes.io/vsphere-volume",
    "csi.vsphere.vmware.com",
    "openshift-storage.rbd.csi.ceph.com",
    "rbd.csi.ceph.com",
    "kubernetes.io/rbd",
    "topolvm.io",
    "kubevirt.io.hostpath-provisioner",
    "ibm.io/ibmc-block",
    "vpc.block.csi.ibm.io",
];

pub fn rwx_support(provisioner: &str) -> RwxSupport {
    if RWX_PROVISIONERS.contains(&provisioner) || provisioner.to_lowercase().contains("nfs") {
        RwxSupport::Known
    } else if RWO_PROVISIONERS.contains(&provisioner) {
        RwxSupport::No
    } else {
        RwxSupport::Unknown
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct StorageClass {
    pub metadata: ClassMeta,
    pub provisioner: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ClassMeta {
    pub name: String,
    #[serde(default)]
    pub annotations: BTreeMap<String, String>,
}

impl StorageClass {
    pub fn is_default(&self) -> bool {
        [
            "storageclass.kubernetes.io/is-default-class",
            "storageclass.beta.kubernetes.io/is-default-class",
        ]
        .iter()
        .any(|k| {
            self.metadata
                .annotations
                .get(*k)
                .is_some_and(|v| v == "true")
        })
    }
}

/// The decision, with a warning to show when the class is not known to work.
#[derive(Debug, PartialEq, Eq)]
pub struct Choice {
    pub class: String,
    pub warning: Option<String>,
}

/// Picks the RWX class: the named one (refused if block storage), else the single known-RWX one.
pub fn choose(
    classes: &[StorageClass],
    wanted: Option<&str>,
) -> Result<Choice, (FailureKind, String, String)> {
    let table = describe(classes);
    if let Some(name) = wanted {
        let Some(class) = classes.iter().find(|c| c.metadata.name == name) else {
            return Err((
                FailureKind::Input,
                format!("storage class '{name}' given with --rwx-storage-class does not exist; the cluster has:\n{table}"),
                "name one of the classes above, or ask a cluster admin to create a ReadWriteMany class (NFS, CephFS, Azure File, EFS)".into(),
            ));
        };
        return match rwx_support(&class.provisioner) {
            RwxSupport::Known => Ok(Choice { class: name.into(), warning: None }),
            RwxSupport::Unknown => Ok(Choice {
                class: name.into(),
                warning: Some(format!(
                    "storage class '{name}' uses provisioner {}, which is not known to bind ReadWriteMany claims; if system-storage stays Pending, use another class",
                    class.provisioner
                )),
            }),
            RwxSupport::No => Err((
                FailureKind::Input,
                format!(
                    "storage class '{name}' cannot be used: its provisioner {} binds ReadWriteOnce volumes only, and system-storage needs ReadWriteMany",
                    class.provisioner
                ),
                "choose a file-based class (NFS, CephFS, Azure File, EFS) with --rwx-storage-class".into(),
            )),
        };
    }
    let capable: Vec<&StorageClass> = classes
        .iter()
        .filter(|c| rwx_support(&c.provisioner) == RwxSupport::Known)
        .collect();
    match capable.as_slice() {
        [one] => Ok(Choice { class: one.metadata.name.clone(), warning: None }),
        [] => Err((
            FailureKind::Preflight,
            format!("no storage class is known to bind ReadWriteMany claims, which system-storage needs; the cluster has:\n{table}"),
            "ask a cluster admin for a ReadWriteMany class (NFS, CephFS, Azure File, EFS), name a class you know works with --rwx-storage-class, or use the S3 profile (--template amp-s3), which keeps system assets in a bucket".into(),
        )),
        several => Err((
            FailureKind::Input,
            format!(
                "{} storage classes can bind ReadWriteMany claims ({}); choose one:\n{table}",
                several.len(),
                several.iter().map(|c| c.metadata.name.as_str()).collect::<Vec<_>>().join(", ")
            ),
            "pass --rwx-storage-class NAME (or THREESCALE_RWX_STORAGE_CLASS, answers-file key rwx_storage_class)".into(),
        )),
    }
}

fn describe(classes: &[StorageClass]) -> String {
    if classes.is_empty() {
        return "  (no storage classes)".into();
    }
    classes
        .iter()
        .map(|c| {
            let rwx = match rwx_support(&c.provisioner) {
                RwxSupport::Known => "ReadWriteMany",
                RwxSupport::No => "ReadWriteOnce only",
                RwxSupport::Unknown => "access modes unknown",
            };
            let default = if c.is_default() { ", default" } else { "" };
            format!(
                "  - {} (provisioner {}, {rwx}{default})",
                c.metadata.name, c.provisioner
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The cluster's storage classes; `None` when the user may not list them.
pub fn observe(ctx: &Ctx) -> Outcome<Option<Vec<StorageClass>>> {
    match ctx.oc.list("storageclasses", None, None) {
        Ok(c) => Ok(Some(c)),
        Err(e) if e.reason() == Some("Forbidden") => Ok(None),
        Err(e) => {
            let help = e.common_help();
            let mut f = Failure::new(FailureKind::Preflight, e)
                .context("storage step: could not list the storage classes");
            if let Some(h) = help {
                f = f.with_help(h);
            }
            Err(f)
        }
    }
}

/// Decides the class and reports it on a step line.
pub fn decide(
    ctx: &Ctx,
    classes: Option<&[StorageClass]>,
    wanted: Option<&str>,
) -> Outcome<String> {
    let line = ctx.ui.step(StepId::Storage.title());
    let decision = match (classes, wanted) {
        (Some(classes), wanted) => choose(classes, wanted),
        // Some clusters hide storage classes from project users: a named class is then trusted.
        (None, Some(name)) => Ok(Choice {
            class: name.to_string(),
            warning: Some(format!(
                "you may not list storage classes, so '{name}' could not be checked; if system-storage stays Pending, ask a cluster admin which class binds ReadWriteMany"
            )),
        }),
        (None, None) => Err((
            FailureKind::Preflight,
            "you may not list storage classes (Forbidden), so no ReadWriteMany class can be chosen".to_string(),
            "ask a cluster admin for the name of a ReadWriteMany class and pass it with --rwx-storage-class".to_string(),
        )),
    };
    match decision {
        Ok(choice) => {
            if let Some(w) = &choice.warning {
                line.warn(w);
            }
            line.detail(&format!("RWX_STORAGE_CLASS={}", choice.class));
            line.done();
            Ok(choice.class)
        }
        Err((kind, message, help)) => {
            line.failed();
            Err(Failure::new(kind, anyhow::anyhow!("storage step: {message}")).with_help(help))
        }
    }
}

/// The classes in the order the wizard offers them: RWX-capable first, block storage last.
pub fn offer_order(classes: &[StorageClass]) -> Vec<&StorageClass> {
    let rank = |c: &StorageClass| match rwx_support(&c.provisioner) {
        RwxSupport::Known => 0,
        RwxSupport::Unknown => 1,
        RwxSupport::No => 2,
    };
    let mut ordered: Vec<&StorageClass> = classes.iter().collect();
    ordered.sort_by_key(|c| (rank(c), !c.is_default(), c.metadata.name.clone()));
    ordered
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class(name: &str, provisioner: &str, default: bool) -> StorageClass {
        let mut annotations = BTreeMap::new();
        if default {
            annotations.insert(
                "storageclass.kubernetes.io/is-default-class".to_string(),
                "true".to_string(),
            );
        }
        StorageClass {
            metadata: ClassMeta {
                name: name.into(),
                annotations,
            },
            provisioner: provisioner.into(),
        }
    }

    #[test]
    fn the_single_rwx_class_is_chosen() {
        let classes = [
            class("gp2", "kubernetes.io/aws-ebs", true),
            class("efs", "efs.csi.aws.com", false),
        ];
        assert_eq!(choose(&classes, None).unwrap().class, "efs");
    }

    #[test]
    fn several_or_none_fail_listing_every_class() {
        let several = [
            class("a", "nfs.csi.k8s.io", false),
            class("b", "file.csi.azure.com", true),
        ];
        let (kind, msg, _) = choose(&several, None).unwrap_err();
        assert_eq!(kind, FailureKind::Input);
        assert!(
            msg.contains("- b (provisioner file.csi.azure.com, ReadWriteMany, default)"),
            "{msg}"
        );
        let none = [class("gp2", "kubernetes.io/aws-ebs", true)];
        let (kind, msg, _) = choose(&none, None).unwrap_err();
        assert_eq!(kind, FailureKind::Preflight);
        assert!(
            msg.contains("gp2 (provisioner kubernetes.io/aws-ebs, ReadWriteOnce only, default)"),
            "{msg}"
        );
    }

    #[test]
    fn the_wizard_offers_rwx_classes_first() {
        let classes = [
            class("gp2", "kubernetes.io/aws-ebs", true),
            class("odd", "example.com/odd", false),
            class("nfs", "nfs.csi.k8s.io", false),
            class("cephfs", "openshift-storage.cephfs.csi.ceph.com", true),
        ];
        let names: Vec<&str> = offer_order(&classes)
            .iter()
            .map(|c| c.metadata.name.as_str())
            .collect();
        assert_eq!(names, ["cephfs", "nfs", "odd", "gp2"]);
    }

    #[test]
    fn named_classes_are_checked() {
        let classes = [
            class("gp2", "kubernetes.io/aws-ebs", true),
            class("odd", "example.com/odd", false),
        ];
        let (_, msg, _) = choose(&classes, Some("gp2")).unwrap_err();
        assert!(
            msg.contains("kubernetes.io/aws-ebs binds ReadWriteOnce"),
            "{msg}"
        );
        assert!(choose(&classes, Some("odd")).unwrap().warning.is_some());
        let (kind, msg, _) = choose(&classes, Some("missing")).unwrap_err();
        assert_eq!(kind, FailureKind::Input);
        assert!(msg.contains("'missing'"));
    }
}
