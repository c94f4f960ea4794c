/* The throughput ceiling: the least work a PostgreSQL wire-protocol server can do.
 *   cannedpg PORT    prints "listening", then answers every connection from canned bytes
 *
 * It trusts every startup, accepts any statement and answers each one as `SELECT 1` would be
 * answered, with no parsing beyond message framing. One epoll loop per CPU, connections
 * handed out round robin, as mockpg's event loops do. What pgbench gets from it is what the
 * kernel's loopback TCP and pgbench itself allow on this machine: no server can go faster.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#define IN_CAPACITY 65536
#define OUT_CAPACITY 262144

typedef struct {
    int fd;
    int started;
    size_t in_length;
    char in[IN_CAPACITY];
    size_t out_length;
    char out[OUT_CAPACITY];
} connection;

static void put(connection *c, const void *bytes, size_t length) {
    if (c->out_length + length <= OUT_CAPACITY) {
        memcpy(c->out + c->out_length, bytes, length);
        c->out_length += length;
    }
}

static const char AUTH_OK[] = {'R', 0, 0, 0, 8, 0, 0, 0, 0};
static const char READY[] = {'Z', 0, 0, 0, 5, 'I'};
static const char PARSE_COMPLETE[] = {'1', 0, 0, 0, 4};
static const char BIND_COMPLETE[] = {'2', 0, 0, 0, 4};
static const char CLOSE_COMPLETE[] = {'3', 0, 0, 0, 4};
static const char NO_PARAMETERS[] = {'t', 0, 0, 0, 6, 0, 0};
/* one int4 column "?column?" */
static const char ROW_DESCRIPTION[] = {'T', 0, 0, 0, 33, 0, 1, '?', 'c', 'o', 'l', 'u', 'm', 'n', '?', 0,
                                       0, 0, 0, 0, 0, 0, 0, 0, 0, 23, 0, 4, -1, -1, -1, -1, 0, 0};
static const char DATA_ROW[] = {'D', 0, 0, 0, 11, 0, 1, 0, 0, 0, 1, '1'};
static const char COMMAND_COMPLETE[] = {'C', 0, 0, 0, 13, 'S', 'E', 'L', 'E', 'C', 'T', ' ', '1', 0};

static void parameter(connection *c, const char *name, const char *value) {
    size_t length = 4 + strlen(name) + 1 + strlen(value) + 1;
    char header[5] = {'S', 0, 0, (char) (length >> 8), (char) length};
    put(c, header, sizeof header);
    put(c, name, strlen(name) + 1);
    put(c, value, strlen(value) + 1);
}

static uint32_t be32(const char *p) {
    const unsigned char *u = (const unsigned char *) p;
    return (uint32_t) u[0] << 24 | u[1] << 16 | u[2] << 8 | u[3];
}

/* Answers every whole message in the input; returns -1 when the connection should close. */
static int answer(connection *c) {
    size_t at = 0;
    while (1) {
        if (!c->started) {
            if (c->in_length - at < 8) break;
            uint32_t length = be32(c->in + at), code = be32(c->in + at + 4);
            if (length < 8 || length > IN_CAPACITY) return -1;
            if (c->in_length - at < length) break;
            at += length;
            if (code == 80877103 || code == 80877104) { /* SSLRequest, GSSENCRequest */
                put(c, "N", 1);
                continue;
            }
            c->started = 1;
            put(c, AUTH_OK, sizeof AUTH_OK);
            parameter(c, "server_version", "15.0");
            parameter(c, "server_encoding", "UTF8");
            parameter(c, "client_encoding", "UTF8");
            parameter(c, "DateStyle", "ISO, MDY");
            parameter(c, "integer_datetimes", "on");
            parameter(c, "standard_conforming_strings", "on");
            put(c, READY, sizeof READY);
            continue;
        }
        if (c->in_length - at < 5) break;
        char type = c->in[at];
        uint32_t length = be32(c->in + at + 1);
        if (length < 4 || length + 1 > IN_CAPACITY) return -1;
        if (c->in_length - at < length + 1) break;
        char describe_kind = length >= 5 ? c->in[at + 5] : 0;
        at += length + 1;
        switch (type) {
            case 'Q':
                put(c, ROW_DESCRIPTION, sizeof ROW_DESCRIPTION);
                put(c, DATA_ROW, sizeof DATA_ROW);
                put(c, COMMAND_COMPLETE, sizeof COMMAND_COMPLETE);
                put(c, READY, sizeof READY);
                break;
            case 'P': put(c, PARSE_COMPLETE, sizeof PARSE_COMPLETE); break;
            case 'B': put(c, BIND_COMPLETE, sizeof BIND_COMPLETE); break;
            case 'D':
                if (describe_kind == 'S') put(c, NO_PARAMETERS, sizeof NO_PARAMETERS);
                put(c, ROW_DESCRIPTION, sizeof ROW_DESCRIPTION);
                break;
            case 'E':
                put(c, DATA_ROW, sizeof DATA_ROW);
                put(c, COMMAND_COMPLETE, sizeof COMMAND_COMPLETE);
                break;
            case 'C': put(c, CLOSE_COMPLETE, sizeof CLOSE_COMPLETE); break;
            case 'S': put(c, READY, sizeof READY); break;
            case 'X': return -1;
            default: break; /* Flush and anything else: nothing to answer */
        }
    }
    memmove(c->in, c->in + at, c->in_length - at);
    c->in_length -= at;
    return 0;
}

static int flush_out(connection *c) {
    size_t done = 0;
    while (done < c->out_length) {
        ssize_t n = write(c->fd, c->out + done, c->out_length - done);
        if (n <= 0) return -1;
        done += (size_t) n;
    }
    c->out_length = 0;
    return 0;
}

static void *loop(void *epoll_fd_pointer) {
    int epoll_fd = *(int *) epoll_fd_pointer;
    struct epoll_event events[64];
    for (;;) {
        int ready = epoll_wait(epoll_fd, events, 64, -1);
        for (int i = 0; i < ready; i++) {
            connection *c = events[i].data.ptr;
            ssize_t n = read(c->fd, c->in + c->in_length, IN_CAPACITY - c->in_length);
            if (n > 0) c->in_length += (size_t) n;
            if (n <= 0 || answer(c) < 0 || flush_out(c) < 0) {
                close(c->fd); /* also removes it from the epoll set */
                free(c);
            }
        }
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: cannedpg PORT\n");
        return 2;
    }
    int listener = socket(AF_INET, SOCK_STREAM, 0), one = 1;
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons(atoi(argv[1]))};
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(listener, (struct sockaddr *) &addr, sizeof addr) || listen(listener, 1024)) {
        perror("cannedpg");
        return 1;
    }
    long loops = sysconf(_SC_NPROCESSORS_ONLN);
    if (loops < 1) loops = 1;
    int *epoll_fds = calloc((size_t) loops, sizeof(int));
    for (long i = 0; i < loops; i++) {
        pthread_t thread;
        epoll_fds[i] = epoll_create1(0);
        pthread_create(&thread, NULL, loop, &epoll_fds[i]);
    }
    printf("listening\n");
    fflush(stdout);
    for (long next = 0;; next = (next + 1) % loops) {
        int fd = accept(listener, NULL, NULL);
        if (fd < 0) continue;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        connection *c = calloc(1, sizeof(connection));
        c->fd = fd;
        struct epoll_event event = {.events = EPOLLIN, .data.ptr = c};
        epoll_ctl(epoll_fds[next], EPOLL_CTL_ADD, fd, &event);
    }
}
