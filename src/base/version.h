/* version.h - the one place the version is written. */
#ifndef FTRKIT_VERSION_H
#define FTRKIT_VERSION_H
#define FTRKIT_VERSION "0.1.0"
#endif
