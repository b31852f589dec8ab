#
# cnstumor_add_translations(<module> <ts file>...)
#
# 3D Slicer 5.10 compiles and loads translations only for its own modules (the .qm files in
# <Slicer>/bin/translations). An extension's scripted module ships its Qt Linguist sources as
# Resources/Translations/<module>_<language>.ts; this compiles them with Qt's lrelease (as
# SlicerMacroTranslation does with QT5_ADD_TRANSLATION) into
#   <qt-scripted-modules>/Resources/Translations/<module>/<module>_<language>.qm
# in the build and install trees, which the module loads with slicer.app.loadTranslations().
#
function(cnstumor_add_translations module)
  set(ts_files)
  foreach(ts ${ARGN})
    list(APPEND ts_files ${CMAKE_CURRENT_SOURCE_DIR}/${ts})
  endforeach()
  find_package(Qt5 QUIET COMPONENTS LinguistTools)
  if(NOT COMMAND QT5_ADD_TRANSLATION)
    message(WARNING "${module}: Qt5 LinguistTools (lrelease) not found; the module's translations are not built")
    return()
  endif()
  set(qm_dir ${CMAKE_BINARY_DIR}/${Slicer_QTSCRIPTEDMODULES_LIB_DIR}/Resources/Translations/${module})
  file(MAKE_DIRECTORY ${qm_dir})
  set_source_files_properties(${ts_files} PROPERTIES OUTPUT_LOCATION ${qm_dir})
  QT5_ADD_TRANSLATION(qm_files ${ts_files})
  add_custom_target(${module}Translations ALL DEPENDS ${qm_files})
  install(
    FILES ${qm_files}
    DESTINATION ${Slicer_INSTALL_QTSCRIPTEDMODULES_LIB_DIR}/Resources/Translations/${module}
    COMPONENT RuntimeLibraries
    )
endfunction()
