"""Versioned data files (lexicons, gazetteers); each file says where its facts come from."""
