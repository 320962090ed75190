//! The values of an install the wizard can ask for, each named and given by its declaration.

use super::declared::{self as d, Decl};
use std::fmt;

/// A value the wizard can ask for; `Answers::open` lists those no input gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    Templates,
    Profile,
    Project,
    DisplayName,
    StorageClass,
    WildcardDomain,
    RegistryServer,
    RegistryUsername,
    RegistryPassword,
    Params,
}

impl Field {
    /// Every field, in the order the wizard asks them.
    pub(crate) const ALL: [Field; 10] = [
        Field::Project,
        Field::Templates,
        Field::Profile,
        Field::DisplayName,
        Field::WildcardDomain,
        Field::StorageClass,
        Field::RegistryServer,
        Field::RegistryUsername,
        Field::RegistryPassword,
        Field::Params,
    ];

    /// The flag that gives the value, when one does alone.
    fn decl(self) -> Option<&'static Decl> {
        Some(match self {
            Field::Profile => &d::TEMPLATE,
            Field::Project => &d::PROJECT,
            Field::DisplayName => &d::DISPLAY_NAME,
            Field::StorageClass => &d::RWX_STORAGE_CLASS,
            Field::WildcardDomain => &d::WILDCARD_DOMAIN,
            Field::RegistryServer => &d::REGISTRY_SERVER,
            Field::RegistryUsername => &d::REGISTRY_USERNAME,
            Field::Params => &d::PARAMS,
            Field::Templates | Field::RegistryPassword => return None,
        })
    }

    /// What the wizard's summary calls the value: its declared label, capitalized.
    pub(crate) fn label(self) -> String {
        let label = match (self, self.decl()) {
            (_, Some(decl)) => decl.label,
            (Field::RegistryPassword, None) => d::REGISTRY_PASSWORD.label,
            (_, None) => d::TEMPLATES_LABEL,
        };
        let mut chars = label.chars();
        chars
            .next()
            .map(|first| first.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    }

    /// Every way to give the value without the wizard.
    pub(crate) fn ways(self) -> Ways {
        match (self, self.decl()) {
            (Field::Params, Some(decl)) => Ways {
                flag: format!("{} KEY=VALUE", decl.flag()),
                ..decl.ways()
            },
            (_, Some(decl)) => decl.ways(),
            (Field::RegistryPassword, None) => d::REGISTRY_PASSWORD.ways(),
            (_, None) => Ways {
                flag: format!(
                    "{}/{} or {}",
                    d::TEMPLATES_REPO.flag(),
                    d::TEMPLATES_REF.flag(),
                    d::TEMPLATES_DIR.flag()
                ),
                ..d::TEMPLATES_REPO.ways()
            },
        }
    }
}

/// The flag, environment variable and answers-file key that give a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Ways {
    pub(crate) flag: String,
    pub(crate) env: String,
    pub(crate) key: String,
}

impl fmt::Display for Ways {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}, env {}, answers-file key `{}`",
            self.flag, self.env, self.key
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_ways_read_as_before() {
        let labels: Vec<String> = Field::ALL.iter().map(|f| f.label()).collect();
        assert_eq!(
            labels,
            [
                "Project",
                "Templates",
                "Install profile",
                "Display name",
                "Wildcard domain",
                "RWX storage class",
                "Registry server",
                "Registry username",
                "Registry password",
                "Template parameters"
            ]
        );
        let ways = |f: Field| f.ways().to_string();
        assert_eq!(
            ways(Field::Templates),
            "--templates-repo/--templates-ref or --templates-dir, env THREESCALE_TEMPLATES_REPO, answers-file key `templates_repo`"
        );
        assert_eq!(
            ways(Field::RegistryPassword),
            "--registry-password-stdin or --registry-password-file, env THREESCALE_REGISTRY_PASSWORD, answers-file key `registry_password_file`"
        );
        assert_eq!(
            ways(Field::Params),
            "--param KEY=VALUE, env THREESCALE_PARAMS, answers-file key `params`"
        );
        assert_eq!(
            ways(Field::StorageClass),
            "--rwx-storage-class, env THREESCALE_RWX_STORAGE_CLASS, answers-file key `rwx_storage_class`"
        );
        for f in Field::ALL {
            let w = f.ways();
            assert!(
                !w.key.is_empty() && w.flag.starts_with("--") && w.env.starts_with("THREESCALE_"),
                "{f:?}: {w}"
            );
        }
    }
}
