package org.verdict.core.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;

/**
 * A signer's key file: name, role, public key and the private key as a PKCS#8 EncryptedPrivateKeyInfo
 * (PBES2: PBKDF2-HMAC-SHA256 + AES-256-CBC, all from the JDK). The private key never enters the store.
 *
 * <p>On disk ({@code NAME.key.json}): {@code {"format":"verdict-key/1","name","role","keyId","publicKey":PEM,
 * "encryptedPrivateKey":PEM}}. The public part alone ({@code NAME.signer.json}, no private key) is what other
 * stores register. The PEM blocks are the ones {@code openssl pkey} reads.
 */
public final class KeyFile {
    public static final String FORMAT = "verdict-key/1";
    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    public static final int MIN_PASSPHRASE_LENGTH = 8;
    private static final String PBE = "PBEWithHmacSHA256AndAES_256";
    private static final ObjectMapper JSON = JsonFiles.JSON;

    private final SignerIdentity identity;
    private final String encryptedPrivateKeyPem;
    private final byte[] selfSignature;

    private KeyFile(SignerIdentity identity, String encryptedPrivateKeyPem, byte[] selfSignature) {
        this.identity = identity;
        this.encryptedPrivateKeyPem = encryptedPrivateKeyPem;
        this.selfSignature = selfSignature;
    }

    /**
     * A signer's public identity with their self-signature over it ({@link SignerClaim}), as a {@code .signer.json}
     * holds it: what a log registers.
     *
     * @param selfSignature null in files made before registrations were self-signed
     */
    public record SignerFile(SignerIdentity identity, byte[] selfSignature) {
    }

    public SignerIdentity identity() {
        return identity;
    }

    /** Makes a fresh Ed25519 key pair and encrypts the private half under {@code passphrase}. */
    public static KeyFile generate(String name, String role, char[] passphrase, int iterations) throws LedgerException {
        if (name.isBlank() || role.isBlank()) {
            throw new LedgerException("a signer needs a name and a role");
        }
        if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
            throw new LedgerException("the passphrase must have at least " + MIN_PASSPHRASE_LENGTH + " characters");
        }
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            SecureRandom random = new SecureRandom();
            byte[] salt = new byte[16];
            byte[] iv = new byte[16];
            random.nextBytes(salt);
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance(PBE);
            cipher.init(Cipher.ENCRYPT_MODE, passphraseKey(passphrase),
                    new PBEParameterSpec(salt, iterations, new IvParameterSpec(iv)), random);
            byte[] encrypted = cipher.doFinal(pair.getPrivate().getEncoded());
            // named "PBES2" so the JDK 17 encoder finds its OID (it does not know the cipher's own name)
            AlgorithmParameters pbes2 = AlgorithmParameters.getInstance("PBES2");
            pbes2.init(cipher.getParameters().getEncoded());
            EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(pbes2, encrypted);
            SignerIdentity identity = SignerIdentity.of(name.strip(), role.strip(), pair.getPublic());
            SignerClaim.checkLabels(identity.name(), identity.role());
            return new KeyFile(identity, Pem.encode("ENCRYPTED PRIVATE KEY", info.getEncoded()),
                    SignerClaim.selfSign(new SignerKey(identity, pair.getPrivate())));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("the JDK's Ed25519 and PBES2 providers are always present", e);
        }
    }

    /** Decrypts the private key; a wrong passphrase is said as such. */
    public SignerKey unlock(char[] passphrase) throws LedgerException {
        PrivateKey privateKey;
        try {
            EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(Pem.decode("ENCRYPTED PRIVATE KEY", encryptedPrivateKeyPem));
            Cipher cipher = Cipher.getInstance(PBE);
            cipher.init(Cipher.DECRYPT_MODE, passphraseKey(passphrase), info.getAlgParameters());
            privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(info.getKeySpec(cipher));
        } catch (GeneralSecurityException | IOException e) {
            throw new LedgerException("wrong passphrase for the key of " + identity.name()
                    + " (or the key file is damaged)", e);
        }
        SignerKey key = new SignerKey(identity, privateKey);
        // the public key in the file must be the private key's partner; a substituted one is refused here
        byte[] probe = ("verdict key check " + identity.keyId()).getBytes(StandardCharsets.UTF_8);
        if (!identity.verifies(probe, key.sign(probe))) {
            throw new LedgerException("the public key in the key file of " + identity.name()
                    + " does not belong to its private key");
        }
        return key;
    }

    /** Writes {@code SLUG.key.json}, {@code SLUG.signer.json} and {@code SLUG.pub.pem}; returns the key file. */
    public Path writeTo(Path directory) throws IOException, LedgerException {
        Files.createDirectories(directory);
        String slug = fileStem(identity);
        Path keyPath = directory.resolve(slug + ".key.json");
        Path signerPath = directory.resolve(slug + ".signer.json");
        Path pemPath = directory.resolve(slug + ".pub.pem");
        for (Path existing : new Path[] {keyPath, signerPath, pemPath}) {
            if (Files.exists(existing)) {
                throw new LedgerException(existing + " already exists; a key is never overwritten");
            }
        }
        ObjectNode signer = identityJson(identity, selfSignature);
        ObjectNode key = signer.deepCopy();
        key.put("encryptedPrivateKey", encryptedPrivateKeyPem);
        writePrivately(keyPath, JsonFiles.pretty(key));
        Files.writeString(signerPath, JsonFiles.pretty(signer));
        Files.writeString(pemPath, identity.publicKeyPem());
        return keyPath;
    }

    /**
     * Writes {@code SLUG.signer.json} with a fresh self-signature by {@code key}: for key files made before
     * registrations were self-signed. Replaces an older signer file of the same key only.
     */
    public static Path writeSignerFile(SignerKey key, Path directory) throws IOException, LedgerException {
        Files.createDirectories(directory);
        SignerIdentity identity = key.identity();
        Path signerPath = directory.resolve(fileStem(identity) + ".signer.json");
        if (Files.exists(signerPath) && !readSigner(signerPath).identity().keyId().equals(identity.keyId())) {
            throw new LedgerException(signerPath + " is the signer file of another key; it is never overwritten");
        }
        Files.writeString(signerPath, JsonFiles.pretty(identityJson(identity, SignerClaim.selfSign(key))));
        return signerPath;
    }

    /**
     * The visible, ASCII start of a signer's file names: the name with its accents taken off ("José" in NFC or NFD and
     * "Zoë" give "jose", "zoe") and the Latin letters that have no decomposition spelt as their languages spell them
     * in ASCII ("Søren Kjær", "Łukasz", "Strauß" give "soren-kjaer", "lukasz", "strauss"), lower case, words joined by
     * "-". ASCII, not the letters themselves: the files travel by mail, zip and shared folders between file systems
     * that store "ø" in different Unicode forms or not at all. A name with a letter or digit this cannot spell
     * ("山田太郎", "李 Ken") gets the first 8 hex digits of its key id after what is left ("key-3f9a0c12",
     * "ken-3f9a0c12"): two such signers' files never share a name, and the same key always gets the same one. Two
     * names spelt alike in ASCII ("Ada Lovelace", "ada-lovelace") share it, and the second key is refused, never
     * written over the first. Only new files are named so: a key file is read by whatever path it is given.
     */
    static String fileStem(SignerIdentity identity) {
        String unaccented = latinFolded(Normalizer.normalize(identity.name(), Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", ""));
        String ascii = unaccented.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        boolean spelledInFull = unaccented.codePoints().filter(Character::isLetterOrDigit)
                .allMatch(c -> c < 0x80);
        if (spelledInFull && !ascii.isEmpty()) {
            return ascii;
        }
        return (ascii.isEmpty() ? "key" : ascii) + "-" + identity.keyId().substring(0, 8);
    }

    /**
     * Latin letters Unicode does not decompose into a base letter and a mark (NFKD leaves "ø", "æ", "ß", "ł" as they
     * are), each as the ASCII its languages write for it where the letter is missing.
     */
    private static final Map<Integer, String> LATIN_FOLDS = Map.ofEntries(
            Map.entry((int) 'ø', "o"), Map.entry((int) 'Ø', "O"), Map.entry((int) 'æ', "ae"), Map.entry((int) 'Æ', "AE"),
            Map.entry((int) 'œ', "oe"), Map.entry((int) 'Œ', "OE"), Map.entry((int) 'ß', "ss"),
            Map.entry((int) 'ł', "l"), Map.entry((int) 'Ł', "L"), Map.entry((int) 'đ', "d"), Map.entry((int) 'Đ', "D"),
            Map.entry((int) 'ð', "d"), Map.entry((int) 'Ð', "D"), Map.entry((int) 'þ', "th"), Map.entry((int) 'Þ', "TH"),
            Map.entry((int) 'ħ', "h"), Map.entry((int) 'Ħ', "H"), Map.entry((int) 'ı', "i"));

    private static String latinFolded(String name) {
        StringBuilder folded = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            String ascii = LATIN_FOLDS.get(c);
            if (ascii != null) {
                folded.append(ascii);
            } else {
                folded.appendCodePoint(c);
            }
        });
        return folded.toString();
    }

    /** Creates the file readable by its owner only (where the file system has POSIX permissions), then fills it. */
    private static void writePrivately(Path file, String content) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, content);
    }

    public static KeyFile read(Path file) throws LedgerException {
        JsonNode node = readJson(file);
        JsonNode encrypted = node.get("encryptedPrivateKey");
        if (encrypted == null || !encrypted.isTextual()) {
            throw new LedgerException(file + ": no encrypted private key; is this the .signer.json instead of the .key.json?");
        }
        return new KeyFile(identityOf(file, node), encrypted.asText(), selfSignatureOf(file, node));
    }

    /** The identity and self-signature of a {@code .signer.json} (or a {@code .key.json}, ignoring the private key). */
    public static SignerFile readSigner(Path file) throws LedgerException {
        JsonNode node = readJson(file);
        return new SignerFile(identityOf(file, node), selfSignatureOf(file, node));
    }

    private static byte[] selfSignatureOf(Path file, JsonNode node) throws LedgerException {
        JsonNode signature = node.get("selfSignature");
        if (signature == null || signature.isNull()) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(signature.asText());
        } catch (IllegalArgumentException e) {
            throw new LedgerException(file + ": selfSignature is not base64", e);
        }
    }

    static ObjectNode identityJson(SignerIdentity identity, byte[] selfSignature) {
        ObjectNode node = JSON.createObjectNode();
        node.put("format", FORMAT);
        node.put("name", identity.name());
        node.put("role", identity.role());
        node.put("keyId", identity.keyId());
        node.put("publicKey", identity.publicKeyPem());
        if (selfSignature != null) {
            node.put("selfSignature", Base64.getEncoder().encodeToString(selfSignature));
        }
        return node;
    }

    private static JsonNode readJson(Path file) throws LedgerException {
        JsonNode node = JsonFiles.read(file, "key file");
        if (!FORMAT.equals(node.path("format").asText())) {
            throw new LedgerException(file + ": not a Verdict key file (format " + FORMAT + ")");
        }
        return node;
    }

    private static SignerIdentity identityOf(Path file, JsonNode node) throws LedgerException {
        String name = node.path("name").asText("");
        String role = node.path("role").asText("");
        if (name.isBlank() || role.isBlank()) {
            throw new LedgerException(file + ": the key file has no name or role");
        }
        SignerIdentity identity = SignerIdentity.of(name, role, SignerIdentity.parsePublicKey(node.path("publicKey").asText("")));
        if (!identity.keyId().equals(node.path("keyId").asText())) {
            throw new LedgerException(file + ": the key id does not match the public key; the file was altered");
        }
        return identity;
    }

    private static SecretKey passphraseKey(char[] passphrase) throws GeneralSecurityException {
        return SecretKeyFactory.getInstance(PBE).generateSecret(new PBEKeySpec(passphrase));
    }
}
