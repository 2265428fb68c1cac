"""Writers that turn library data into files other tools read."""
