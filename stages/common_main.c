/*
 * common_main.c - the one main() every intake program shares.
 *
 * Start-up is done once, the same way, for every program: the name used
 * in messages, the error stream, a umask that keeps personal data private
 * whatever the caller's umask was.  The program itself is cmd_main(), so
 * tests can call it directly.
 */
#include "intake.h"

#include <string.h>
#include <sys/stat.h>

int cmd_main(int argc, char **argv);

int
main(int argc, char **argv)
{
	const char *slash = argc > 0 ? strrchr(argv[0], '/') : NULL;

	progname = slash ? slash + 1 : (argc > 0 ? argv[0] : "intake");
	errstream = stderr;
	/* Dossiers and caches hold personal data: never group/world-writable,
	 * never world-readable, whatever umask cron hands us. */
	umask(umask(0) | 027);
	return cmd_main(argc, argv);
}
