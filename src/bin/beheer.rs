//! The Beheer capability module, loaded when a gemeente's editor opens `#/beheer`.
meldwijzer::capability_module!("beheer", meldwijzer::beheer::BeheerScreen);
