//! The meldcode capability module, loaded when a user opens `#/meldcode`.
meldwijzer::capability_module!("meldcode", meldwijzer::meldcode::MeldcodeScreen);
