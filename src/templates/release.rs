//! Which 3scale release a template installs, and which one a ref names. A profile installs the
//! release of its `AMP_RELEASE` and of the tags of its 3scale images (`...:3scale2.8`); the image
//! streams file, the one its `latest` tag follows. Images that never follow the release (the
//! databases, Redis) are left out, and images without a `3scaleX.Y` tag (before 2.7, or a digest)
//! say nothing. The one mismatch of the supported refs (amp-postgresql at 2.8.0.GA and 2.8.1.GA,
//! the 2.7 file) has a fix: the file of another supported ref of the same release.

use super::model::Template;
use super::official;
use serde_json::Value;
use std::collections::BTreeSet;

/// The parameters of the images that carry the 3scale release in their tag.
pub(crate) const IMAGES: &[&str] = &[
    "AMP_BACKEND_IMAGE",
    "AMP_ZYNC_IMAGE",
    "AMP_APICAST_IMAGE",
    "AMP_SYSTEM_IMAGE",
    "MEMCACHED_IMAGE",
];

/// `X.Y` from the first `X.Y` in `text`: `2.8.0.GA` → 2.8, `3scale-2.11.0-GA` → 2.11,
/// `2.8-stable` → 2.8; `master` → none.
pub(crate) fn minor(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric()) {
            let major_end = i + bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
            if bytes.get(major_end) == Some(&b'.') {
                let minor_len = bytes[major_end + 1..]
                    .iter()
                    .take_while(|b| b.is_ascii_digit())
                    .count();
                if minor_len > 0 {
                    return Some(text[i..major_end + 1 + minor_len].to_string());
                }
            }
            i = major_end;
        } else {
            i += 1;
        }
    }
    None
}

/// The release of an image's `3scaleX.Y[.Z]` tag: `.../backend-rhel7:3scale2.8` → 2.8.
pub(crate) fn of_image(image: &str) -> Option<String> {
    let last = image.rsplit('/').next()?;
    let (_, tag) = last.split_once(':')?;
    minor(tag.strip_prefix("3scale")?)
        .filter(|_| tag.as_bytes().get(6).is_some_and(u8::is_ascii_digit))
}

/// What a file installs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Installs {
    /// `AMP_RELEASE`'s `X.Y`, or the release the image streams' `latest` follows.
    pub(crate) release: Option<String>,
    /// (what, image, its release) of each image that carries a release.
    pub(crate) images: Vec<(String, String, String)>,
}

impl Installs {
    /// A profile: its `AMP_RELEASE` default, and each release image as `image` gives it (the
    /// value the install sends, or the template's default).
    pub(crate) fn of_template(t: &Template, image: &dyn Fn(&str) -> Option<String>) -> Installs {
        // One reading of `AMP_RELEASE` for the whole program: the upgrade plan's.
        let release = super::releases::of_template(t).map(|r| r.to_string());
        let images = IMAGES
            .iter()
            .filter(|name| t.parameter(name).is_some())
            .filter_map(|name| {
                let value = image(name).or_else(|| t.parameter(name)?.value.clone())?;
                let release = of_image(&value)?;
                Some((name.to_string(), value, release))
            })
            .collect();
        Installs { release, images }
    }

    /// `3scale-image-streams.yml`'s image streams: the tag `latest` follows, and its image.
    pub(crate) fn of_image_streams(streams: &[Value]) -> Installs {
        let mut out = Installs {
            release: None,
            images: Vec::new(),
        };
        for s in streams {
            let tags: Vec<&Value> = s["spec"]["tags"].as_array().into_iter().flatten().collect();
            let Some(target) = tags
                .iter()
                .find(|t| t["name"] == "latest" && t["from"]["kind"] == "ImageStreamTag")
                .and_then(|t| t["from"]["name"].as_str())
            else {
                continue;
            };
            out.release = out.release.or_else(|| minor(target));
            let image = tags
                .iter()
                .find(|t| t["name"] == target && t["from"]["kind"] == "DockerImage")
                .and_then(|t| t["from"]["name"].as_str());
            if let Some((image, release)) = image.and_then(|i| Some((i, of_image(i)?))) {
                let what = format!(
                    "image stream {} tag {target}",
                    s["metadata"]["name"].as_str().unwrap_or("?")
                );
                out.images.push((what, image.to_string(), release));
            }
        }
        out
    }

    /// Every release it installs.
    pub(crate) fn releases(&self) -> BTreeSet<&str> {
        self.release
            .iter()
            .chain(self.images.iter().map(|(_, _, r)| r))
            .map(String::as_str)
            .collect()
    }

    /// What does not install `expected`, in words (`AMP_RELEASE 2.7`, `AMP_SYSTEM_IMAGE=...`).
    pub(crate) fn mismatches(&self, expected: &str) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(r) = self.release.as_deref().filter(|r| *r != expected) {
            out.push(format!("release {r}"));
        }
        for (what, image, r) in &self.images {
            if r != expected {
                out.push(format!("{what}={image}"));
            }
        }
        out
    }
}

/// The release an install of a checkout must get, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Expected {
    pub(crate) release: String,
    pub(crate) why: String,
}

/// The ref's own name (`2.8.0.GA`), else the supported ref of its commit, else what the
/// checkout's main profile says.
pub(crate) fn expected(
    git_ref: Option<&str>,
    commit: Option<&str>,
    main: Option<&Installs>,
) -> Option<Expected> {
    if let Some((r, release)) = git_ref.and_then(|r| Some((r, minor(r)?))) {
        return Some(Expected {
            release,
            why: format!("the ref {r}"),
        });
    }
    if let Some((name, release)) = commit
        .and_then(official::ref_of_commit)
        .and_then(|n| Some((n, minor(n)?)))
    {
        return Some(Expected {
            release,
            why: format!("commit {} ({name})", short(commit.unwrap_or_default())),
        });
    }
    let release = main?.release.clone()?;
    Some(Expected {
        why: format!("amp/amp.yml of this checkout (AMP_RELEASE {release})"),
        release,
    })
}

/// Where the file of `path` that installs `expected` is, when a supported ref has one that is
/// not `blob`: that ref's name and commit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Fix {
    pub(crate) git_ref: String,
    pub(crate) commit: String,
    pub(crate) path: String,
    /// The release asked for, which the file there installs.
    pub(crate) release: String,
}

pub(crate) fn fix_for(path: &str, blob: &str, expected: &str) -> Option<Fix> {
    let data = official::data();
    // The file of this path in the data, if the one at hand is official.
    let current = data
        .files
        .iter()
        .find(|f| f.path == path && f.blob == blob)?;
    data.files
        .iter()
        .filter(|f| f.path == path && f.blob != current.blob)
        .flat_map(|f| f.refs.iter())
        .find(|r| minor(r).as_deref() == Some(expected))
        .and_then(|r| data.refs.iter().find(|o| o.name == *r))
        .map(|r| Fix {
            git_ref: r.name.clone(),
            commit: r.commit.clone(),
            path: path.to_string(),
            release: expected.to_string(),
        })
}

/// A gateway template (`apicast-gateway/apicast.yml`) that installs another release than the
/// installed profile's: what it installs, in words.
pub(crate) fn gateway_mismatch(gateway: &Template, installed: &Template) -> Option<String> {
    let expected = Installs::of_template(installed, &|_| None).release?;
    let wrong = Installs::of_template(gateway, &|_| None).mismatches(&expected);
    (!wrong.is_empty()).then(|| {
        format!(
            "it installs another release than the install's 3scale {expected}: {}",
            wrong.join(", ")
        )
    })
}

pub(crate) fn short(commit: &str) -> &str {
    &commit[..commit.len().min(7)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn releases_of_refs_and_images() {
        for (text, want) in [
            ("2.8.0.GA", Some("2.8")),
            ("2.8-stable", Some("2.8")),
            ("3scale-2.11.0-GA", Some("2.11")),
            ("2.0.0-CR2-redhat-1", Some("2.0")),
            ("master", None),
            ("18723f243c17d34671a7c83cc688c39bb2776eca", None),
        ] {
            assert_eq!(minor(text).as_deref(), want, "{text}");
        }
        for (image, want) in [
            (
                "registry.redhat.io/3scale-amp2/backend-rhel7:3scale2.8",
                Some("2.8"),
            ),
            (
                "registry.redhat.io/3scale-amp2/apicast-gateway-rhel8:3scale2.11.1",
                Some("2.11"),
            ),
            ("registry.redhat.io/rhscl/redis-32-rhel7:3.2", None),
            ("mirror:5000/3scale-amp2/system-rhel7", None),
            ("registry.access.redhat.com/3scale-amp26/backend", None),
            ("amp-apicast:latest", None),
        ] {
            assert_eq!(of_image(image).as_deref(), want, "{image}");
        }
    }

    const PG27: &str = "metadata: {name: t}\nparameters:\n- {name: AMP_RELEASE, value: '2.7'}\n- {name: AMP_SYSTEM_IMAGE, value: 'registry.redhat.io/3scale-amp2/system-rhel7:3scale2.7'}\n- {name: REDIS_IMAGE, value: 'registry.redhat.io/rhscl/redis-32-rhel7:3.2'}\n";

    #[test]
    fn a_2_7_profile_does_not_install_2_8() {
        let t = Template::parse(PG27).unwrap();
        let found = Installs::of_template(&t, &|_| None);
        assert_eq!(found.releases().into_iter().collect::<Vec<_>>(), ["2.7"]);
        assert_eq!(
            found.mismatches("2.8"),
            [
                "release 2.7",
                "AMP_SYSTEM_IMAGE=registry.redhat.io/3scale-amp2/system-rhel7:3scale2.7"
            ]
        );
        assert!(found.mismatches("2.7").is_empty());
        // An image given for the install counts, not the template's default.
        let mirrored = Installs::of_template(&t, &|n| {
            (n == "AMP_SYSTEM_IMAGE").then(|| "mirror/system:3scale2.8".to_string())
        });
        assert_eq!(mirrored.mismatches("2.8"), ["release 2.7"]);
    }

    #[test]
    fn image_streams_install_what_latest_follows() {
        let streams = [
            serde_json::json!({"metadata": {"name": "apicast-gateway"}, "spec": {"tags": [
            {"name": "latest", "from": {"kind": "ImageStreamTag", "name": "2.8.0.GA"}},
            {"name": "2.7.0.GA", "from": {"kind": "DockerImage", "name": "r/3scale-amp2/apicast-gateway-rhel7:3scale2.7"}},
            {"name": "2.8.0.GA", "from": {"kind": "DockerImage", "name": "r/3scale-amp2/apicast-gateway-rhel8:3scale2.8"}}]}}),
        ];
        let found = Installs::of_image_streams(&streams);
        assert_eq!(found.release.as_deref(), Some("2.8"));
        assert!(found.mismatches("2.8").is_empty());
        assert_eq!(found.mismatches("2.9").len(), 2);
    }

    #[test]
    fn a_gateway_template_of_another_release_is_named() {
        let install = Template::parse(&PG27.replace("2.7", "2.8")).unwrap();
        let gateway = Template::parse("metadata: {name: g}\nparameters:\n- {name: AMP_RELEASE, value: '2.7.0'}\n- {name: AMP_APICAST_IMAGE, value: 'r/3scale-amp2/apicast-gateway-rhel7:3scale2.7'}\n").unwrap();
        let why = gateway_mismatch(&gateway, &install).unwrap();
        assert!(
            why.contains("3scale 2.8")
                && why.contains("AMP_APICAST_IMAGE=r/3scale-amp2/apicast-gateway-rhel7:3scale2.7"),
            "{why}"
        );
        assert_eq!(gateway_mismatch(&install, &install), None);
    }

    #[test]
    fn the_expected_release_and_the_known_fix() {
        let e = expected(Some("2.8.0.GA"), None, None).unwrap();
        assert_eq!(
            (e.release.as_str(), e.why.as_str()),
            ("2.8", "the ref 2.8.0.GA")
        );
        let e = expected(
            Some("master"),
            Some("30c9f91846aee98656b4cf0300b97f43cd311301"),
            None,
        )
        .unwrap();
        assert_eq!(e.release, "2.8");
        assert!(e.why.contains("2.8-stable"), "{}", e.why);
        assert_eq!(expected(Some("master"), None, None), None);
        // amp-postgresql at 2.8.0.GA (the 2.7 file): the 2.8-stable one.
        let fix = fix_for(
            "amp/amp-postgresql.yml",
            "f71d61f1686784ada94cefaa61b1d694396614f4",
            "2.8",
        )
        .unwrap();
        assert_eq!(fix.git_ref, "2.8-stable");
        assert_eq!(fix.commit, "30c9f91846aee98656b4cf0300b97f43cd311301");
        assert_eq!(
            fix_for(
                "amp/amp.yml",
                "0c99a82e85d41cc3189616ae3dcccaab82ced41f",
                "2.8"
            ),
            None
        );
        assert_eq!(fix_for("amp/amp-postgresql.yml", "0000", "2.8"), None);
    }
}
