/*
 * banned.h - functions that invite buffer overflows are compile errors.
 *
 * Included last by every translation unit through common.h.  Use strbuf,
 * snprintf with a checked result, or memcpy with an explicit length instead.
 */
#ifndef FTRKIT_BANNED_H
#define FTRKIT_BANNED_H

#define BANNED(func) sorry_##func##_is_a_banned_function

#undef strcpy
#define strcpy(x, y) BANNED(strcpy)
#undef strcat
#define strcat(x, y) BANNED(strcat)
#undef strncpy
#define strncpy(x, y, n) BANNED(strncpy)
#undef sprintf
#define sprintf(...) BANNED(sprintf)
#undef vsprintf
#define vsprintf(...) BANNED(vsprintf)
#undef gets
#define gets(x) BANNED(gets)

#endif
