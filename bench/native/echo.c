/* The loopback floor for the latency figure: a blocking TCP echo and a client that times
 * request/response round trips of a pgbench-sized message.
 *   echo server PORT          serves one connection at a time, forever
 *   echo client PORT SECONDS  prints "mean-us N" (mean round trip in microseconds)
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MESSAGE 64

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int serve(int port) {
    int listener = socket(AF_INET, SOCK_STREAM, 0), one = 1;
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons(port)};
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(listener, (struct sockaddr *) &addr, sizeof addr) || listen(listener, 16)) {
        perror("echo server");
        return 1;
    }
    printf("listening\n");
    fflush(stdout);
    for (;;) {
        int conn = accept(listener, NULL, NULL);
        setsockopt(conn, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        char buf[4096];
        ssize_t n;
        while ((n = read(conn, buf, sizeof buf)) > 0) {
            if (write(conn, buf, n) != n) break;
        }
        close(conn);
    }
}

static int client(int port, double seconds) {
    int conn = socket(AF_INET, SOCK_STREAM, 0), one = 1;
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons(port)};
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(conn, (struct sockaddr *) &addr, sizeof addr)) {
        perror("echo client");
        return 1;
    }
    setsockopt(conn, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    char buf[MESSAGE];
    memset(buf, 'x', sizeof buf);
    long trips = 0;
    double start = now(), end = start + seconds;
    while (now() < end) {
        if (write(conn, buf, MESSAGE) != MESSAGE) return 1;
        for (int got = 0; got < MESSAGE;) {
            ssize_t n = read(conn, buf + got, MESSAGE - got);
            if (n <= 0) return 1;
            got += n;
        }
        trips++;
    }
    printf("mean-us %.1f\n", (now() - start) * 1e6 / trips);
    close(conn);
    return 0;
}

int main(int argc, char **argv) {
    if (argc >= 3 && !strcmp(argv[1], "server")) return serve(atoi(argv[2]));
    if (argc >= 4 && !strcmp(argv[1], "client")) return client(atoi(argv[2]), atof(argv[3]));
    fprintf(stderr, "usage: echo server PORT | echo client PORT SECONDS\n");
    return 2;
}
