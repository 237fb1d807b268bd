package org.verdict.cli.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.verdict.cli.exit.ExitCodes;
import org.verdict.core.ledger.Dsse;
import org.verdict.core.ledger.DsseEnvelope;
import org.verdict.core.ledger.LedgerException;
import org.verdict.core.ledger.SignerKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "sign-envelope", mixinStandardHelpOptions = true,
        description = {"Co-sign an exported envelope on this machine (no store needed); bring the result back with"
                + " import-signature.",
            "Exit codes: 0 signed, " + ExitCodes.REFUSALS})
public final class SignEnvelopeCommand extends LedgerCommand {
    @Option(names = "--envelope", required = true, paramLabel = "FILE", description = "Envelope from export-envelope.")
    Path envelopeFile;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the signed envelope (default: in place).")
    Path out;

    @Mixin
    KeyOptions key;

    @Override
    protected int run() throws LedgerException, IOException {
        DsseEnvelope envelope = DsseEnvelope.read(envelopeFile);
        if (!Dsse.DECISION_PAYLOAD_TYPE.equals(envelope.payloadType())) {
            throw new LedgerException(envelopeFile + " does not hold a Verdict decision (payload type "
                    + envelope.payloadType() + ")");
        }
        // show what is being signed: the signer vouches for these exact bytes
        out().println("signing:");
        out().println(new String(envelope.payload(), StandardCharsets.UTF_8));
        SignerKey signer = key.unlock();
        DsseEnvelope signed = envelope.withSignature(signer.identity().keyId(), signer.sign(envelope.pae()));
        Path target = out == null ? envelopeFile : out;
        writeFile(target, signed.toJson());
        out().println("signed by " + signer.identity() + "; wrote " + target);
        return ExitCodes.OK;
    }
}
