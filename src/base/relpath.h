/*
 * relpath.h - the relative path from one folder to another, for links
 * between files ftrkit writes and files it reads.
 */
#ifndef FTRKIT_RELPATH_H
#define FTRKIT_RELPATH_H

/*
 * The path of folder `to` as seen from folder `from`, both resolved with
 * realpath(3) (so symlinks and ".." do not fool it), '/'-separated and
 * ending in '/', or "" when they are the same folder: from "/w/reports" to
 * "/w/evidence" is "../evidence/".  NULL (errno set) when either folder
 * cannot be resolved.  Caller frees.
 */
char *relpath_between_dirs(const char *from, const char *to);

#endif
