//! What a bundle says of the cluster, read with a project admin's rights: its version (`oc
//! version -o json`; the OpenShift version only when the user may read it), what the user may
//! do in the project (`oc auth can-i --list`, kept as oc prints it), and the storage classes.

use super::bundle::Bundle;
use crate::oc::Oc;
use serde_json::json;

/// The cluster's files; how many could be read.
pub(crate) fn write(oc: &Oc, project: &str, bundle: &mut Bundle) -> usize {
    let mut read = 0;
    match oc.version_text() {
        Ok(text) => {
            bundle.add("cluster/version.json", &text);
            read += 1;
        }
        Err(e) => bundle.note(&format!(
            "cluster version: could not be read: {}",
            e.reason()
        )),
    }
    match oc.rights_text(project) {
        Ok(text) => {
            bundle.add("cluster/rights.txt", &text);
            read += 1;
        }
        Err(e) => bundle.note(&format!(
            "your rights in {project}: could not be read: {}",
            e.reason()
        )),
    }
    match oc.list_items("storageclasses.storage.k8s.io", None) {
        Ok(items) => {
            let list = json!({"apiVersion": "v1", "kind": "List", "items": items});
            bundle.add(
                "cluster/storageclasses.yaml",
                &serde_yaml::to_string(&list).unwrap_or_default(),
            );
            read += 1;
        }
        Err(e) => bundle.note(&format!(
            "storage classes: could not be read: {}",
            e.reason()
        )),
    }
    read
}
