"""Writers: a Package → the files people hand in (JSON here; Word, Excel and PDF to come)."""
