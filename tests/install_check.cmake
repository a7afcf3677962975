# Installs the build into a scratch prefix and checks the layout: the binary runs, the
# demos, translations, icon, desktop entry and MIME type are where they belong.
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}"
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install failed: ${rc}")
endif()
foreach(f bin/memviz
          share/memviz/demos/buddy.js share/memviz/demos/cow.js share/memviz/demos/numa.js
          share/memviz/translations/memviz_zh_CN.qm
          share/icons/hicolor/scalable/apps/memviz.svg
          share/applications/memviz.desktop
          share/mime/packages/memviz-session.xml
          share/doc/memviz/README.md)
  if(NOT EXISTS "${PREFIX}/${f}")
    message(FATAL_ERROR "not installed: ${f}")
  endif()
endforeach()
file(GLOB demos "${CMAKE_CURRENT_LIST_DIR}/../resources/demos/*.js")
file(GLOB installed "${PREFIX}/share/memviz/demos/*.js")
list(LENGTH demos n_src)
list(LENGTH installed n_inst)
if(NOT n_src EQUAL n_inst)
  message(FATAL_ERROR "${n_inst} demos installed, ${n_src} in resources/demos")
endif()
file(READ "${PREFIX}/share/applications/memviz.desktop" desktop)
if(NOT desktop MATCHES "Exec=memviz %f" OR NOT desktop MATCHES "Icon=memviz")
  message(FATAL_ERROR "memviz.desktop: Exec or Icon line wrong")
endif()
execute_process(COMMAND "${PREFIX}/bin/memviz" --version OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT out MATCHES "^memviz [0-9]")
  message(FATAL_ERROR "installed memviz --version: ${rc} ${out}")
endif()
file(REMOVE_RECURSE "${PREFIX}")
