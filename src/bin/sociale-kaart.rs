//! The sociale kaart capability module, loaded when a user opens `#/sociale-kaart`.
meldwijzer::capability_module!("sociale-kaart", meldwijzer::sociale_kaart::SocialMapScreen);
