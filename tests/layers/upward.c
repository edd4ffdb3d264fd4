/* Includes UPWARD_HEADER, in the upward probes a header of a layer above the
 * library it is built against: those must not compile
 * (tests/layers/CMakeLists.txt). */
#include UPWARD_HEADER

int upward_probe(void);
int upward_probe(void) { return 0; }
