//! The zelftest capability module, loaded when a user opens `#/zelftest`.
meldwijzer::capability_module!("zelftest", meldwijzer::self_check::SelfCheckScreen);
