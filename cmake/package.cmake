# `make package` in the build folder: a Debian package of everything
# `cmake --install` installs, under /usr, with its dependencies computed by
# dpkg-shlibdeps from the binary. CPACK_SET_DESTDIR makes the install see
# /usr as its prefix (and stage through DESTDIR), so what dist/ writes at
# install time (the service's ExecStart) names /usr/bin/selfcare.

# What Debian wants beside the files: the copyright and the changelog.
set(doc_dir ${CMAKE_INSTALL_DATADIR}/doc/selfcare)
set(changelog_gz ${PROJECT_BINARY_DIR}/changelog.gz)
add_custom_command(
  OUTPUT ${changelog_gz}
  COMMAND gzip -9nc ${PROJECT_SOURCE_DIR}/dist/debian/changelog > ${changelog_gz}
  DEPENDS ${PROJECT_SOURCE_DIR}/dist/debian/changelog)
add_custom_target(selfcare_changelog ALL DEPENDS ${changelog_gz})
install(FILES ${PROJECT_SOURCE_DIR}/dist/debian/copyright ${changelog_gz} DESTINATION ${doc_dir})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME selfcare)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_INSTALL_PREFIX /usr)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_SET_DESTDIR ON)
set(CPACK_PACKAGE_CONTACT "selfcare maintainers <maintainers@users.noreply.h-seed-de37c681.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "terminal coach for short self-care routines")
# CPack puts the summary first and this, one string, after it.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "selfcare steps you through the short routines people with chronic pain are
asked to do at home (tennis-ball release, pressure holds, neck release, 4-2-6
breathing, hand self-massage) with a countdown and cues you can follow with
your eyes closed, and keeps a private local log of the sessions against a
weekly goal.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "libnotify-bin, espeak-ng")
set(CPACK_STRIP_FILES ON)
include(CPack)
