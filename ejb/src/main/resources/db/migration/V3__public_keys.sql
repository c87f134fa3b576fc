-- Keyhaven schema, version 3: public keys as managed objects of their own (the public half of a KMIP key pair, or
-- a public key a client registered). Such a key holds no private key: its wrapped material is its public key.
ALTER TABLE kh_managed_key ADD COLUMN public_only BOOLEAN DEFAULT FALSE NOT NULL;
