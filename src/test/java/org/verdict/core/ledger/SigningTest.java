package org.verdict.core.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void paeMatchesTheDsseSpecificationExample() {
        // protocol.md of secure-systems-lab/dsse: PAE("http://example.com/HelloWorld", "hello world")
        assertEquals("DSSEv1 29 http://example.com/HelloWorld 11 hello world",
                new String(Dsse.pae("http://example.com/HelloWorld", "hello world".getBytes(StandardCharsets.UTF_8)),
                        StandardCharsets.UTF_8));
    }

    @Test
    void jdkEd25519GivesTheRfc8032TestVector() throws Exception {
        // RFC 8032 §7.1 TEST 1: secret key 9d61…7f60, empty message
        var key = KeyFactory.getInstance("Ed25519").generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519,
                HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")));
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(key);
        assertArrayEquals(HEX.parseHex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"), signer.sign());
    }

    @Test
    void keyFileRoundTripSignsAndVerifies(@TempDir Path dir) throws Exception {
        KeyFile generated = KeyFile.generate("Ada Lovelace", Roles.ML_LEAD, LedgerFixtures.PASSPHRASE, LedgerFixtures.TEST_ITERATIONS);
        Path keyPath = generated.writeTo(dir);
        assertEquals("ada-lovelace.key.json", keyPath.getFileName().toString());
        String onDisk = Files.readString(keyPath);
        assertTrue(onDisk.contains("BEGIN ENCRYPTED PRIVATE KEY"));
        assertFalse(onDisk.contains("BEGIN PRIVATE KEY"), "the private key is never written in clear");
        if (keyPath.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(keyPath)));
        }

        SignerKey key = KeyFile.read(keyPath).unlock(LedgerFixtures.PASSPHRASE);
        byte[] pae = Dsse.pae(Dsse.DECISION_PAYLOAD_TYPE, "{}".getBytes(StandardCharsets.UTF_8));
        byte[] signature = key.sign(pae);
        assertEquals(64, signature.length);
        SignerIdentity published = KeyFile.readSigner(dir.resolve("ada-lovelace.signer.json")).identity();
        assertEquals(generated.identity().keyId(), published.keyId());
        assertTrue(published.verifies(pae, signature));
        pae[pae.length - 1] ^= 1;
        assertFalse(published.verifies(pae, signature));
    }

    @Test
    void wrongPassphraseIsSaidPlainly() {
        KeyFile file = assertDoesNotFail(() -> KeyFile.generate("Bo", Roles.PRODUCT, LedgerFixtures.PASSPHRASE, LedgerFixtures.TEST_ITERATIONS));
        LedgerException e = assertThrows(LedgerException.class, () -> file.unlock("not the passphrase".toCharArray()));
        assertTrue(e.getMessage().startsWith("wrong passphrase for the key of Bo"), e.getMessage());
    }

    @Test
    void shortPassphraseIsRefused() {
        LedgerException e = assertThrows(LedgerException.class,
                () -> KeyFile.generate("Bo", Roles.PRODUCT, "short".toCharArray(), LedgerFixtures.TEST_ITERATIONS));
        assertTrue(e.getMessage().contains("at least 8"));
    }

    @Test
    void aKeyFileWithAnotherPublicKeyIsRefused(@TempDir Path dir) throws Exception {
        Path keyPath = KeyFile.generate("Cy", Roles.AI_SAFETY, LedgerFixtures.PASSPHRASE, LedgerFixtures.TEST_ITERATIONS).writeTo(dir);
        KeyFile other = KeyFile.generate("Cy", Roles.AI_SAFETY, LedgerFixtures.PASSPHRASE, LedgerFixtures.TEST_ITERATIONS);
        String json = Files.readString(keyPath);
        String ownPem = KeyFile.readSigner(keyPath).identity().publicKeyPem();
        json = json.replace(jsonEscaped(ownPem), jsonEscaped(other.identity().publicKeyPem()))
                .replace(KeyFile.readSigner(keyPath).identity().keyId(), other.identity().keyId());
        Files.writeString(keyPath, json);
        LedgerException e = assertThrows(LedgerException.class, () -> KeyFile.read(keyPath).unlock(LedgerFixtures.PASSPHRASE));
        assertTrue(e.getMessage().contains("does not belong to its private key"), e.getMessage());
    }

    private static String jsonEscaped(String pem) {
        return pem.replace("\n", "\\n");
    }

    private interface Failing<T> {
        T get() throws Exception;
    }

    private static <T> T assertDoesNotFail(Failing<T> work) {
        try {
            return work.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
