package org.verdict.cli;

import org.verdict.cli.exit.ExitCodes;
import org.verdict.cli.log.AppendCommand;
import org.verdict.cli.log.CheckpointCommand;
import org.verdict.cli.log.ConsistencyCommand;
import org.verdict.cli.log.CosignCommand;
import org.verdict.cli.log.ExportCommand;
import org.verdict.cli.log.ExportEnvelopeCommand;
import org.verdict.cli.log.ImportSignatureCommand;
import org.verdict.cli.log.ListCommand;
import org.verdict.cli.log.RegisterCommand;
import org.verdict.cli.log.RestoreGuardCommand;
import org.verdict.cli.log.RevokeCommand;
import org.verdict.cli.log.SignEnvelopeCommand;
import org.verdict.cli.log.VerifyCommand;
import picocli.CommandLine.Command;

/** {@code verdict log ...}: the signed, tamper-evident decision log. */
@Command(name = "log", mixinStandardHelpOptions = true,
        description = {"The signed, tamper-evident decision log.",
            "A command that changed the log (append, cosign, register, revoke, import-signature) but could not print"
                    + " its confirmation says on standard error what it changed, which stays (exit 2).",
            "Exit codes: those of the subcommand run, which its --help gives (without one: 2, as a wrong option): 0"
                    + " done, 1 a check did not pass (the log does not verify, or is not signed as the policy"
                    + " requires), " + ExitCodes.REFUSALS},
        subcommands = {AppendCommand.class, CosignCommand.class, ListCommand.class, VerifyCommand.class,
                ExportCommand.class, ConsistencyCommand.class, CheckpointCommand.class, ExportEnvelopeCommand.class,
                SignEnvelopeCommand.class, ImportSignatureCommand.class, RegisterCommand.class, RevokeCommand.class,
                RestoreGuardCommand.class})
public final class LogCommand {
}
