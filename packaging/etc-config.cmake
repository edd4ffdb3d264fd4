# Writes the staff's /etc config at install time: the shipped config with
# records and metrics in the state folder (which depends on the prefix given
# to `cmake --install --prefix`, hence install time, not configure time).
# In: SRC (config/kiosk.json), DEST (the file to write), STATE (state folder).
file(READ "${SRC}" text)
string(FIND "${text}" "  \"kiosk\": {\n" at)
if(at LESS 0)
  message(FATAL_ERROR "${SRC}: no '  \"kiosk\": {' line to add the state paths after")
endif()
string(REPLACE "  \"kiosk\": {\n"
  "  \"kiosk\": {\n    \"stats_path\": \"${STATE}/stats.jsonl\",\n    \"metrics_path\": \"${STATE}/kiosk.prom\",\n"
  text "${text}")
# Without the shipped example PIN: the staff set their own (`--hash-pin`);
# until then the admin screen stays closed, and --check-config says so.
string(REGEX REPLACE "\n *\"admin_pin_sha256\": *\"[^\"]*\"," "" text_nopin "${text}")
if(text_nopin STREQUAL text)
  message(FATAL_ERROR "${SRC}: no '\"admin_pin_sha256\": \"...\",' line to leave out")
endif()
set(text "${text_nopin}")
get_filename_component(dir "${DEST}" DIRECTORY)
file(MAKE_DIRECTORY "${dir}")
file(WRITE "${DEST}" "${text}")
