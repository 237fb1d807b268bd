package org.verdict;

/** Entry point of verdict.jar: placeholder until the CLI lands. */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        System.out.println("verdict");
    }
}
