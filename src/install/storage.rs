//! Storage: the ReadWriteMany class for `system-storage`. A StorageClass does not declare its
//! access modes, so capability is judged from the provisioner. Changes nothing.

pub(crate) use crate::engine::kube::StorageClass;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RwxSupport {
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

pub(crate) fn rwx_support(provisioner: &str) -> RwxSupport {
    if RWX_PROVISIONERS.contains(&provisioner) || provisioner.to_lowercase().contains("nfs") {
        RwxSupport::Known
    } else if RWO_PROVISIONERS.contains(&provisioner) {
        RwxSupport::No
    } else {
        RwxSupport::Unknown
    }
}

impl StorageClass {
    pub(crate) fn is_default(&self) -> bool {
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
pub(crate) struct Choice {
    pub(crate) class: String,
    pub(crate) warning: Option<String>,
    /// Why this class: given, or the only RWX-capable one.
    pub(crate) why: String,
}

/// Why no class could be chosen.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Refusal {
    pub(crate) kind: RefusalKind,
    pub(crate) message: String,
    pub(crate) help: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RefusalKind {
    /// The class given cannot be used.
    BadInput,
    /// Several classes fit, or none can be seen: one must be named.
    Ambiguous,
    /// Nothing on the cluster fits.
    Unavailable,
}

/// Picks the RWX class: the named one (refused if block storage), else the single known-RWX one.
/// `classes` is `Err(why)` when the user may not list them.
pub(crate) fn choose(
    classes: Result<&[StorageClass], &str>,
    wanted: Option<&str>,
) -> Result<Choice, Refusal> {
    let classes = match (classes, wanted) {
        (Ok(c), _) => c,
        // Some clusters hide storage classes from project users: a named class is then trusted.
        (Err(_), Some(name)) => {
            return Ok(Choice {
                class: name.to_string(),
                warning: Some(format!(
                    "you may not list storage classes, so '{name}' could not be checked; if system-storage stays Pending, ask a cluster admin which class binds ReadWriteMany"
                )),
                why: "given; not checked".into(),
            })
        }
        (Err(why), None) => {
            return Err(Refusal {
                kind: RefusalKind::Ambiguous,
                message: format!("no ReadWriteMany storage class can be chosen: {why}"),
                help: "ask a cluster admin for the name of a ReadWriteMany class and pass it with --rwx-storage-class".into(),
            })
        }
    };
    let table = describe(classes);
    if let Some(name) = wanted {
        let Some(class) = classes.iter().find(|c| c.metadata.name == name) else {
            return Err(Refusal {
                kind: RefusalKind::BadInput,
                message: format!("storage class '{name}' does not exist; the cluster has:\n{table}"),
                help: "name one of the classes above, or ask a cluster admin to create a ReadWriteMany class (NFS, CephFS, Azure File, EFS)".into(),
            });
        };
        return match rwx_support(&class.provisioner) {
            RwxSupport::Known => Ok(Choice { class: name.into(), warning: None, why: "given".into() }),
            RwxSupport::Unknown => Ok(Choice {
                class: name.into(),
                warning: Some(format!(
                    "storage class '{name}' uses provisioner {}, which is not known to bind ReadWriteMany claims; if system-storage stays Pending, use another class",
                    class.provisioner
                )),
                why: "given".into(),
            }),
            RwxSupport::No => Err(Refusal {
                kind: RefusalKind::BadInput,
                message: format!(
                    "storage class '{name}' cannot be used: its provisioner {} binds ReadWriteOnce volumes only, and system-storage needs ReadWriteMany",
                    class.provisioner
                ),
                help: "choose a file-based class (NFS, CephFS, Azure File, EFS) with --rwx-storage-class, or use the S3 profile (--template amp-s3)".into(),
            }),
        };
    }
    let capable: Vec<&StorageClass> = classes
        .iter()
        .filter(|c| rwx_support(&c.provisioner) == RwxSupport::Known)
        .collect();
    match capable.as_slice() {
        [one] => Ok(Choice {
            class: one.metadata.name.clone(),
            warning: None,
            why: format!("the only class whose provisioner ({}) binds ReadWriteMany", one.provisioner),
        }),
        [] => Err(Refusal {
            kind: RefusalKind::Unavailable,
            message: format!("no storage class is known to bind ReadWriteMany claims, which system-storage needs; the cluster has:\n{table}"),
            help: "ask a cluster admin for a ReadWriteMany class (NFS, CephFS, Azure File, EFS), name a class you know works with --rwx-storage-class, or use the S3 profile (--template amp-s3), which keeps system assets in a bucket".into(),
        }),
        several => Err(Refusal {
            kind: RefusalKind::Ambiguous,
            message: format!(
                "{} storage classes can bind ReadWriteMany claims ({}); choose one:\n{table}",
                several.len(),
                several.iter().map(|c| c.metadata.name.as_str()).collect::<Vec<_>>().join(", ")
            ),
            help: "pass --rwx-storage-class NAME (or THREESCALE_RWX_STORAGE_CLASS, answers-file key rwx_storage_class)".into(),
        }),
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

/// The classes in the order the wizard offers them: RWX-capable first, block storage last.
pub(crate) fn offer_order(classes: &[StorageClass]) -> Vec<&StorageClass> {
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
        let mut annotations = std::collections::BTreeMap::new();
        if default {
            annotations.insert(
                "storageclass.kubernetes.io/is-default-class".to_string(),
                "true".to_string(),
            );
        }
        StorageClass {
            metadata: crate::engine::kube::Meta {
                name: name.into(),
                annotations,
                ..Default::default()
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
        assert_eq!(choose(Ok(&classes), None).unwrap().class, "efs");
    }

    #[test]
    fn several_or_none_fail_listing_every_class() {
        let several = [
            class("a", "nfs.csi.k8s.io", false),
            class("b", "file.csi.azure.com", true),
        ];
        let Refusal {
            kind, message: msg, ..
        } = choose(Ok(&several), None).unwrap_err();
        assert_eq!(kind, RefusalKind::Ambiguous);
        assert!(
            msg.contains("- b (provisioner file.csi.azure.com, ReadWriteMany, default)"),
            "{msg}"
        );
        let none = [class("gp2", "kubernetes.io/aws-ebs", true)];
        let Refusal {
            kind, message: msg, ..
        } = choose(Ok(&none), None).unwrap_err();
        assert_eq!(kind, RefusalKind::Unavailable);
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
        let msg = choose(Ok(&classes), Some("gp2")).unwrap_err().message;
        assert!(
            msg.contains("kubernetes.io/aws-ebs binds ReadWriteOnce"),
            "{msg}"
        );
        assert!(choose(Ok(&classes), Some("odd")).unwrap().warning.is_some());
        let Refusal {
            kind, message: msg, ..
        } = choose(Ok(&classes), Some("missing")).unwrap_err();
        assert_eq!(kind, RefusalKind::BadInput);
        assert!(msg.contains("'missing'"));
    }
}
