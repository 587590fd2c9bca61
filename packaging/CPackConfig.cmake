# Debian package of the GUI and the CLI: `cpack -G DEB` in the build directory (README.md, "Packaging").
# Included OPTIONAL by the top-level CMakeLists.txt, after every target is defined.
include(GNUInstallDirs)

if(BANKBENCH_BUILD_UI)
    install(FILES "${CMAKE_CURRENT_LIST_DIR}/bankbench.desktop" DESTINATION "${CMAKE_INSTALL_DATADIR}/applications")
endif()

set(CPACK_PACKAGE_NAME bankbench)
set(CPACK_PACKAGE_VENDOR "Bankbench")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "AI workbench for retail-bank customer-service text (Qt GUI and headless CLI)")
set(CPACK_PACKAGE_DESCRIPTION
    "Imports customer-service exports (CSV, TSV, JSONL; UTF-8, UTF-16, GBK) into a project file, browses,\n\
searches and exports them, in Chinese and English. bankbench-cli runs the same jobs on a server\n\
without a display.")
set(CPACK_PACKAGE_CONTACT "Bankbench developers <bankbench@localhost>")
set(CPACK_STRIP_FILES ON)

set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# dpkg-shlibdeps finds the linked libraries (libtorch, Qt, SQLite, uchardet, QCustomPlot). It cannot see
# what is chosen at run time: Debian's LibTorch links the generic libblas.so.3, and without OpenBLAS behind
# it matrix work runs on the ~10x slower reference BLAS (TOOLCHAIN.md).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
find_program(BANKBENCH_FILE_PROGRAM file)
find_program(BANKBENCH_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(NOT BANKBENCH_FILE_PROGRAM OR NOT BANKBENCH_DPKG_SHLIBDEPS)
    message(STATUS "Bankbench: cpack -G DEB needs the packages file and dpkg-dev (packaging/setup.sh installs them)")
endif()
set(_bankbench_depends "libopenblas0-pthread")
# Qt loads its SQLite driver as a plugin, invisible to shlibdeps; only needed when Qt SQL is linked.
if(TARGET Qt6::Sql)
    string(APPEND _bankbench_depends ", libqt6sql6-sqlite")
endif()
set(CPACK_DEBIAN_PACKAGE_DEPENDS "${_bankbench_depends}")
if(BANKBENCH_BUILD_UI)
    # Chinese UI text and data need CJK glyphs, and customer messages carry emoji (empty boxes without a
    # colour emoji font); fontconfig finds both, no code involved.
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-noto-cjk, fonts-noto-color-emoji")
endif()

include(CPack)
