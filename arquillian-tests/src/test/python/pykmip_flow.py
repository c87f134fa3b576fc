#!/usr/bin/python3
"""Drives Keyhaven's KMIP port with Debian's PyKMIP 0.10 client, unchanged, as an application would.

Usage: pykmip_flow.py HOST PORT CERT KEY CA NAME_PREFIX

Runs the flow step by step; every step checks what Keyhaven answered. Prints one JSON object with what the flow
saw (identifiers and key bytes in hex, for the calling test to compare with the REST API) and exits 0, or prints
the failed step and exits 1.
"""
import json
import os
import sys
import traceback

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import padding
from kmip import enums
from kmip.pie import client as pie_client
from kmip.pie import exceptions as pie_exceptions
from kmip.pie import objects


def expect_failure(label, action, reason):
    try:
        action()
    except pie_exceptions.KmipOperationFailure as failure:
        if failure.reason != reason:
            raise AssertionError("%s: expected %s, got %s (%s)" % (label, reason, failure.reason, failure))
        return str(failure)
    raise AssertionError("%s: expected failure %s, but it succeeded" % (label, reason))


STEP = {"now": "start"}


def step(name):
    STEP["now"] = name


def main():
    host, port, cert, key, ca, prefix = sys.argv[1:7]
    seen = {}
    step("connect")
    with pie_client.ProxyKmipClient(hostname=host, port=int(port), cert=cert, key=key, ca=ca,
                                    ssl_version="PROTOCOL_TLSv1_2",
                                    config_file=os.devnull,
                                    kmip_version=enums.KMIPVersion.KMIP_1_2) as kmip:
        seen["tls"] = kmip.proxy.socket.version()

        step("create AES-256 with a name")
        name = prefix + "aes"
        created = kmip.create(enums.CryptographicAlgorithm.AES, 256, name=name,
                              cryptographic_usage_mask=[enums.CryptographicUsageMask.ENCRYPT,
                                                        enums.CryptographicUsageMask.DECRYPT])
        seen["created"] = created

        step("get the created key")
        got = kmip.get(created)
        assert isinstance(got, objects.SymmetricKey), got
        assert got.cryptographic_algorithm == enums.CryptographicAlgorithm.AES
        assert got.cryptographic_length == 256 and len(got.value) == 32
        seen["createdKey"] = got.value.hex()

        step("register a symmetric key")
        material = bytes(range(16))
        registered = kmip.register(objects.SymmetricKey(enums.CryptographicAlgorithm.AES, 128, material,
                                                        name=prefix + "registered"))
        seen["registered"] = registered

        step("get the registered key and compare its bytes")
        assert kmip.get(registered).value == material

        step("locate by name")
        located = kmip.locate(attributes=[kmip.attribute_factory.create_attribute(enums.AttributeType.NAME, name)])
        assert located == [created], located

        step("get attributes before activation")
        _, attributes = kmip.get_attributes(created, ["State", "Cryptographic Algorithm", "Name"])
        values = {a.attribute_name.value: a.attribute_value for a in attributes}
        assert values["State"].value == enums.State.PRE_ACTIVE, values
        assert values["Cryptographic Algorithm"].value == enums.CryptographicAlgorithm.AES

        step("activate")
        kmip.activate(created)
        _, attributes = kmip.get_attributes(created, ["State"])
        assert attributes[0].attribute_value.value == enums.State.ACTIVE

        step("encrypt and decrypt with AES-CBC, PKCS#5 padding and a server-chosen IV")
        cbc = {"block_cipher_mode": enums.BlockCipherMode.CBC, "padding_method": enums.PaddingMethod.PKCS5,
               "cryptographic_algorithm": enums.CryptographicAlgorithm.AES, "random_iv": True}
        message = b"PyKMIP talks to Keyhaven"
        ciphertext, iv = kmip.encrypt(message, created, cryptographic_parameters=cbc)
        assert iv is not None and len(iv) == 16 and len(ciphertext) == 32, (iv, ciphertext)
        assert kmip.decrypt(ciphertext, created, cryptographic_parameters=cbc, iv_counter_nonce=iv) == message
        seen["ciphertext"] = ciphertext.hex()

        step("error: AES-GCM in KMIP 1.2, which has no field for the tag")
        gcm = {"block_cipher_mode": enums.BlockCipherMode.GCM, "cryptographic_algorithm": enums.CryptographicAlgorithm.AES,
               "tag_length": 16}
        expect_failure(STEP["now"], lambda: kmip.encrypt(message, created, cryptographic_parameters=gcm,
                                                         iv_counter_nonce=bytes(12)),
                       enums.ResultReason.FEATURE_NOT_SUPPORTED)

        step("MAC with an HMAC-SHA256 key")
        mac_key = kmip.create(enums.CryptographicAlgorithm.HMAC_SHA256, 256, name=prefix + "hmac",
                              cryptographic_usage_mask=[enums.CryptographicUsageMask.MAC_GENERATE,
                                                        enums.CryptographicUsageMask.MAC_VERIFY])
        kmip.activate(mac_key)
        _, mac = kmip.mac(b"data to authenticate", mac_key, algorithm=enums.CryptographicAlgorithm.HMAC_SHA256)
        assert len(mac) == 32, mac
        seen["macKey"] = mac_key
        seen["mac"] = mac.hex()

        step("error: a MAC with an AES key")
        seen["macRefusal"] = expect_failure(STEP["now"], lambda: kmip.mac(b"x", created,
                                            algorithm=enums.CryptographicAlgorithm.HMAC_SHA256),
                                            enums.ResultReason.PERMISSION_DENIED)

        step("create an RSA-2048 key pair")
        public_id, private_id = kmip.create_key_pair(
            enums.CryptographicAlgorithm.RSA, 2048,
            public_name=prefix + "rsa-public", public_usage_mask=[enums.CryptographicUsageMask.VERIFY],
            private_name=prefix + "rsa-private", private_usage_mask=[enums.CryptographicUsageMask.SIGN])
        assert public_id != private_id, (public_id, private_id)
        seen["publicKey"] = public_id
        seen["privateKey"] = private_id

        step("get the public and the private key")
        public = kmip.get(public_id)
        assert isinstance(public, objects.PublicKey), public
        assert public.cryptographic_algorithm == enums.CryptographicAlgorithm.RSA and public.cryptographic_length == 2048
        private = kmip.get(private_id)
        assert isinstance(private, objects.PrivateKey), private
        assert private.key_format_type == enums.KeyFormatType.PKCS_1, private.key_format_type
        public_key = serialization.load_der_public_key(public.value)
        private_key = serialization.load_der_private_key(private.value, password=None)
        assert private_key.public_key().public_numbers() == public_key.public_numbers()
        seen["publicKeyPkcs1"] = public.value.hex()

        step("activate the pair")
        kmip.activate(public_id)
        kmip.activate(private_id)

        step("sign with RSA-PSS and SHA-256, verify on the server and locally")
        pss = {"padding_method": enums.PaddingMethod.PSS, "cryptographic_algorithm": enums.CryptographicAlgorithm.RSA,
               "hashing_algorithm": enums.HashingAlgorithm.SHA_256}
        document = b"a document PyKMIP had signed"
        signature = kmip.sign(document, uid=private_id, cryptographic_parameters=pss)
        assert len(signature) == 256, signature
        assert kmip.signature_verify(document, signature, uid=public_id,
                                     cryptographic_parameters=pss) == enums.ValidityIndicator.VALID
        public_key.verify(signature, document, padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32),
                          hashes.SHA256())
        seen["signature"] = signature.hex()

        step("a changed document does not verify")
        assert kmip.signature_verify(document + b".", signature, uid=public_id,
                                     cryptographic_parameters=pss) == enums.ValidityIndicator.INVALID

        step("error: sign with the public key")
        expect_failure(STEP["now"], lambda: kmip.sign(document, uid=public_id, cryptographic_parameters=pss),
                       enums.ResultReason.PERMISSION_DENIED)

        step("attribute list")
        names = kmip.get_attribute_list(created)
        assert "State" in names and "Unique Identifier" in names, names

        step("error: get an unknown id")
        seen["unknownMessage"] = expect_failure(STEP["now"], lambda: kmip.get("00000000-0000-4000-8000-000000000000"),
                                                enums.ResultReason.ITEM_NOT_FOUND)

        step("error: destroy an Active key")
        expect_failure(STEP["now"], lambda: kmip.destroy(created), enums.ResultReason.PERMISSION_DENIED)

        step("revoke as compromised, then destroy")
        kmip.revoke(enums.RevocationReasonCode.KEY_COMPROMISE, created, revocation_message="test compromise")
        _, attributes = kmip.get_attributes(created, ["State"])
        assert attributes[0].attribute_value.value == enums.State.COMPROMISED
        kmip.destroy(created)
        _, attributes = kmip.get_attributes(created, ["State"])
        assert attributes[0].attribute_value.value == enums.State.DESTROYED_COMPROMISED

        step("destroy the registered key (Pre-Active)")
        kmip.destroy(registered)

        step("register and activate a key that stays, for the REST API to serve")
        kept_material = os.urandom(32)
        kept = kmip.register(objects.SymmetricKey(enums.CryptographicAlgorithm.AES, 256, kept_material,
                                                  name=prefix + "kept"))
        kmip.activate(kept)
        seen["kept"] = kept
        seen["keptKey"] = kept_material.hex()
    print(json.dumps(seen))


if __name__ == "__main__":
    try:
        main()
    except Exception:  # the calling test shows what failed
        print("failed at step: " + STEP["now"])
        traceback.print_exc()
        sys.exit(1)
