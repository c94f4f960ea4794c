package io.mockpg.internal.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a listening subcommand ({@code serve}, {@code record}) accepts connections. */
final class ListenOptions {
    @Option(names = {"-p", "--port"}, paramLabel = "N", converter = PortNumber.class, order = 10,
            description = "port to listen on (default 5432; 0 = any free port)")
    int port = 5432;

    @Option(names = "--host", paramLabel = "ADDR", order = 11, description = "address to bind (default 127.0.0.1)")
    String host = "127.0.0.1";

    @Option(names = "--port-file", paramLabel = "FILE", order = 12,
            description = "write the bound port (decimal, newline) once listening")
    Path portFile;
}
