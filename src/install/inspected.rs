//! What the fidelity checks ([`super::fidelity`], [`super::outside`]) look at: the answers, the
//! checkout and the profile chosen, the image streams, and the cluster.

use crate::inputs::Answers;
use crate::templates::profiles::Loaded;
use crate::templates::repo::Checkout;
use serde_json::Value;

/// What the checks look at.
pub(crate) struct Inspected<'a> {
    pub(crate) answers: &'a Answers,
    pub(crate) checkout: &'a Checkout,
    pub(crate) profile: &'a Loaded,
    pub(crate) image_streams: &'a [Value],
    pub(crate) project_exists: bool,
    pub(crate) oc: &'a crate::oc::Oc,
}
